// Package douyin maps the SDK's filing of a Douyin mini-program to the
// payload of Douyin's third-party-platform filing API, submit_record_info
// (提交备案信息) and alter_record_info (变更小程序备案信息), and maps the
// platform's answers back: the payload to the model (ToModel), the
// answers' errors and rejection reasons to problems, the filing status to
// the SDK's lifecycle status through a table the caller holds. It does no
// network I/O and needs no Douyin SDK.
//
// Prepare takes an Input (the filing, the mini-program's index, and what
// the model does not hold: region codes, language IDs, the face
// verification token, uploaded image paths) and the platform's Lists (the
// answers of query_corp_type_list, query_region_list,
// query_incharge_people_credentials_type_list,
// query_service_content_type_list and query_pre_approval_item_type_list,
// decoded with DecodeLists and merged): IDs are looked up by their Chinese
// names, never hard-coded. Douyin's rules are reported as problems (package
// platform's codes): the region inside the filing province (codes and
// names), the principal's validity as has_end_time plus Unix times of
// midnight in China (no end time for 长期), an explicit
// involve_pre_approval with each pre-approval's number and files, at most
// five second-level service content types, the authority letter when a
// principal is not the legal representative, the principal's emergency
// phone, the face verification token.
//
// DESIGN: corp_info has no field for the sponsor's name besides
// credentials_name (the name on the certificate), so Subject.Name goes
// there; the payload names no legal representative, so ToModel takes the
// principal to be the legal representative unless an authority letter is
// sent.
//
// Douyin's answers name no field: a submit error is
// platform.CodePlatformError, a rejection reason of query_record_status is
// platform.CodeRejectedUnplaced, kept as it came. Every type keeps the keys
// it does not declare (Extra) and writes them back; they are reported as
// platform.CodeUnknownKey.
//
// # Fields
//
// The field table (Fields, from data/fields.json) maps every field of the
// published request; mapped (payload → SDK path, label; "#" is the app's
// index):
//
//   - corp_info.corp_type → subject.nature (主体类型)
//   - corp_info.credentials_type → subject.cert_type (主体证件类型)
//   - corp_info.credentials_name → subject.name (证件名称（主办单位名称）)
//   - corp_info.credentials_number → subject.cert_number (主体证件号码)
//   - corp_info.credentials_pic.path → media.credentials_pic (主体证件照片)
//   - corp_info.credentials_address → subject.cert_address (证件地址)
//   - corp_info.province_code → region.province (省份编号)
//   - corp_info.city_code → region.city (城市编号)
//   - corp_info.region_code → region.district (区县编号)
//   - corp_info.communication_address → subject.address (通信地址)
//   - corp_info.incharge_people_name → subject.principal.name (负责人姓名)
//   - corp_info.incharge_people_credentials_type → subject.principal.cert_type (负责人证件类型)
//   - corp_info.incharge_people_credentials_number → subject.principal.cert_number (负责人证件号码)
//   - corp_info.incharge_people_credentials_front.path → media.principal_front (负责人证件正面)
//   - corp_info.incharge_people_credentials_back.path → media.principal_back (负责人证件背面)
//   - corp_info.incharge_people_credentials_has_end_time → subject.principal.cert_validity (负责人证件是否有有效期)
//   - corp_info.incharge_people_credentials_valid_start_time → subject.principal.cert_validity (负责人证件有效开始日期)
//   - corp_info.incharge_people_credentials_valid_end_time → subject.principal.cert_validity (负责人证件有效结束日期)
//   - corp_info.incharge_people_email → subject.principal.email (负责人邮箱)
//   - corp_info.incharge_people_phone → subject.principal.mobile (负责人手机号)
//   - corp_info.incharge_people_emergency_phone → subject.principal.emergency_phone (负责人应急手机号)
//   - corp_info.corp_authority_letter[].path → media.corp_authority_letter (负责人授权书)
//   - corp_info.corp_commitment[].path → media.corp_commitment (主办单位备案承诺书)
//   - corp_info.corp_other_materials[].path → media.corp_other_materials (主办单位其他材料)
//   - corp_info.remark → subject.remarks (主体备注)
//   - app_info.app_language → languages (语种)
//   - app_info.service_content_type_list → apps[#].categories (服务内容类型)
//   - app_info.involve_pre_approval → apps[#].involves (是否涉及前置审批)
//   - app_info.pre_approval_list[].pre_approval_item_id → apps[#].involves (前置审批项)
//   - app_info.pre_approval_list[].pre_approval_number → apps[#].pre_approvals (前置审批编号)
//   - app_info.pre_approval_list[].pre_approval_files[].path → media.pre_approvals (前置审批文件)
//   - app_info.incharge_people_email → apps[#].principal.email (小程序负责人邮箱)
//   - app_info.incharge_people_phone → apps[#].principal.mobile (小程序负责人手机号)
//   - app_info.incharge_people_emergency_phone → apps[#].principal.emergency_phone (小程序负责人应急手机号)
//   - app_info.facial_recognition_token → facial_recognition_token (人证核验Token)
//   - app_info.app_authority_letter[].path → media.app_authority_letter (小程序负责人授权书)
//   - app_info.app_other_materials[].path → media.app_other_materials (小程序其他材料)
//   - app_info.remark → apps[#].service_content (小程序备注)
//
// Deliberately unmapped:
//
//   - corp_info.province_name: derived: Prepare writes the name of province_code from the platform's region list (query_region_list)
//   - corp_info.city_name: derived from city_code and the region list
//   - corp_info.region_name: derived from region_code and the region list
//
// SDK fields the payload has no place for, so ToModel leaves them empty:
// the mini-program principal's name, certificate type and number (the face
// verification behind facial_recognition_token carries them), the legal
// representative's name when an authority letter is sent, the app's name
// and ID (the platform knows its own mini-program), the app's language
// name (app_language takes IDs, Input.Languages), landlines, the record
// numbers and statuses, the websites.
//
// The answers decoded: submit_record_info and alter_record_info (Answer:
// err_no, err_msg, log_id), query_record_status (StatusAnswer: data.status
// and the reasons), the face verification calls (FacialAnswer:
// facial_recognition_token, facial_recognition_url,
// facial_recognition_status) and the five list queries (ListsAnswer).
// Not decoded: the filing history (query_icp_history and
// get_register_detail), whose answers return the same fields under other
// names with personal data masked.
//
// # Sources
//
// The Douyin Open Platform pages of the 小程序备案 APIs (request example of
// submit_record_info, answer example of query_record_status) and the
// SKIT.FlurlHttpClient.ByteDance models and samples of
// /api/apps/v1/icp_record/*; testdata/SOURCE.md says which golden file
// comes from which.
package douyin
