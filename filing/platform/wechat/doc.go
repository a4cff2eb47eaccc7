// Package wechat maps the SDK's filing of a WeChat mini-program to the
// payload of WeChat's third-party-platform filing API, applyIcpFiling
// (申请小程序备案), and maps the platform's answers back: the
// payload to the model (ToModel), the per-field rejections of
// applyIcpFiling (hints[].err_field) and of getIcpEntranceInfo
// (audit_data key_name/error/suggest) to problems with the SDK's paths, and
// the filing status to the SDK's lifecycle status. It does no network I/O
// and needs no WeChat SDK: the caller sends the payload with its own client
// and passes the answers' bytes to the Decode functions.
//
// Prepare takes an Input (the filing, the mini-program's index, and what
// the model does not hold: region codes, media_ids, the face verification
// task) and the platform's Lists (the answers of queryIcpSubjectTypes,
// queryIcpCertificateTypes, queryIcpServiceContentTypes, queryIcpNrlxTypes
// and queryIcpDistrictCode, decoded with DecodeList): the payload carries
// the platform's IDs, looked up by their Chinese names, never hard-coded.
// WeChat's own rules are reported as problems (package platform's codes):
// at most five second-level service content types from the platform's
// list; an explicit 以上都不涉及 item when no pre-approval applies, no
// duplicate type, a number and document for each; a remark (备注) of 20 to
// 200 characters; the region inside the filing province; legal_person_info
// when the principal is not the legal representative; certificate validity
// as YYYYmmdd or 长期; the photos and letters the platform requires (the
// residence proof of an individual from another province, one upload per
// material and ten per "other materials" list).
//
// Every type keeps the keys it does not declare (Extra) and writes them
// back (an optional field left empty may be written without its key, as
// encoding/json's omitempty does); ToModel and the answers' Problems report them
// (platform.CodeUnknownKey).
//
// # Fields
//
// The field table (Fields, from data/fields.json) maps every field of the
// published request tables; an err_field or key_name it does not know is
// reported, never dropped. Mapped (payload → SDK path, label; "#" is the
// app's index):
//
//   - icp_subject.base_info.type → subject.nature (主体性质)
//   - icp_subject.base_info.name → subject.name (主办单位名称)
//   - icp_subject.base_info.province → region.province (备案省份)
//   - icp_subject.base_info.city → region.city (备案城市)
//   - icp_subject.base_info.district → region.district (备案县区)
//   - icp_subject.base_info.address → subject.address (通讯地址)
//   - icp_subject.base_info.comment → subject.remarks (主体信息备注)
//   - icp_subject.base_info.record_number → subject.number (主体备案号)
//   - icp_subject.personal_info.residence_permit → media.residence_permit (临时居住证明)
//   - icp_subject.organize_info.certificate_type → subject.cert_type (主体证件类型)
//   - icp_subject.organize_info.certificate_number → subject.cert_number (主体证件号码)
//   - icp_subject.organize_info.certificate_address → subject.cert_address (主体证件住所)
//   - icp_subject.organize_info.certificate_photo → media.certificate_photo (主体证件照片)
//   - icp_subject.principal_info.name → subject.principal.name (主体负责人姓名)
//   - icp_subject.principal_info.mobile → subject.principal.mobile (主体负责人联系方式)
//   - icp_subject.principal_info.email → subject.principal.email (主体负责人电子邮件)
//   - icp_subject.principal_info.emergency_contact → subject.principal.emergency_phone (主体负责人应急联系方式)
//   - icp_subject.principal_info.certificate_type → subject.principal.cert_type (主体负责人证件类型)
//   - icp_subject.principal_info.certificate_number → subject.principal.cert_number (主体负责人证件号码)
//   - icp_subject.principal_info.certificate_validity_date_start → subject.principal.cert_validity (主体负责人证件有效期起始日期)
//   - icp_subject.principal_info.certificate_validity_date_end → subject.principal.cert_validity (主体负责人证件有效期终止日期)
//   - icp_subject.principal_info.certificate_photo_front → media.principal_front (主体负责人证件正面照片)
//   - icp_subject.principal_info.certificate_photo_back → media.principal_back (主体负责人证件背面照片)
//   - icp_subject.principal_info.authorization_letter → media.principal_authorization (主体负责人授权书)
//   - icp_subject.legal_person_info.name → subject.legal_representative (法人代表姓名)
//   - icp_subject.legal_person_info.certificate_number → legal_person_cert_number (法人证件号码)
//   - icp_applets.base_info.appid → apps[#].host_app_id (小程序ID)
//   - icp_applets.base_info.name → apps[#].name (小程序名称)
//   - icp_applets.base_info.service_content_types → apps[#].categories (小程序服务内容类型)
//   - icp_applets.base_info.nrlx_details[].type → apps[#].involves (前置审批类型)
//   - icp_applets.base_info.nrlx_details[].code → apps[#].pre_approvals (前置审批号)
//   - icp_applets.base_info.nrlx_details[].media → media.pre_approvals (前置审批媒体材料)
//   - icp_applets.base_info.comment → apps[#].service_content (小程序备注)
//   - icp_applets.base_info.record_number → apps[#].number (小程序备案号)
//   - icp_applets.principal_info.name → apps[#].principal.name (小程序负责人姓名)
//   - icp_applets.principal_info.mobile → apps[#].principal.mobile (小程序负责人联系方式)
//   - icp_applets.principal_info.email → apps[#].principal.email (小程序负责人电子邮件)
//   - icp_applets.principal_info.emergency_contact → apps[#].principal.emergency_phone (小程序负责人应急联系方式)
//   - icp_applets.principal_info.certificate_type → apps[#].principal.cert_type (小程序负责人证件类型)
//   - icp_applets.principal_info.certificate_number → apps[#].principal.cert_number (小程序负责人证件号码)
//   - icp_applets.principal_info.certificate_validity_date_start → apps[#].principal.cert_validity (小程序负责人证件有效期起始日期)
//   - icp_applets.principal_info.certificate_validity_date_end → apps[#].principal.cert_validity (小程序负责人证件有效期终止日期)
//   - icp_applets.principal_info.certificate_photo_front → media.app_principal_front (小程序负责人证件正面照片)
//   - icp_applets.principal_info.certificate_photo_back → media.app_principal_back (小程序负责人证件背面照片)
//   - icp_applets.principal_info.authorization_letter → media.app_principal_authorization (小程序负责人授权书)
//   - icp_applets.principal_info.verify_task_id → verify_task_id (扫脸认证任务id)
//   - icp_materials.commitment_letter → materials.commitment_letter (互联网信息服务承诺书)
//   - icp_materials.business_name_change_letter → materials.business_name_change_letter (主体更名函)
//   - icp_materials.party_building_confirmation_letter → materials.party_building_confirmation_letter (党建确认函)
//   - icp_materials.promise_video → materials.promise_video (承诺视频)
//   - icp_materials.authenticity_responsibility_letter → materials.authenticity_responsibility_letter (网站备案信息真实性责任告知书)
//   - icp_materials.authenticity_commitment_letter → materials.authenticity_commitment_letter (小程序备案信息真实性承诺书)
//   - icp_materials.website_construction_proposal → materials.website_construction_proposal (小程序建设方案书)
//   - icp_materials.subject_other_materials → materials.subject_other_materials (主体其它附件)
//   - icp_materials.applets_other_materials → materials.applets_other_materials (小程序其它附件)
//   - icp_materials.holding_certificate_photo → materials.holding_certificate_photo (手持证件照)
//
// Deliberately unmapped:
//
//   - icp_subject.principal_info.verify_task_id: only the mini-program's principal verifies by face (仅小程序负责人需要扫脸，主体负责人无需扫脸): Prepare leaves it empty
//
// SDK fields the payload has no place for, so ToModel leaves them empty:
// the persons' landlines (Person.Landline), the app's language
// (App.Language: WeChat takes it from the mini-program's settings), the
// app's platforms and access (a mini-program has none, R-71), the
// subject's status and the websites.
//
// The answers decoded: applyIcpFiling (ApplyAnswer: errcode, errmsg,
// hints[] with errcode, err_field, errmsg), getIcpEntranceInfo
// (EntranceInfo: status, is_canceling, audit_data[] key_name/error/suggest,
// available, sms_verify_status), createIcpVerifyTask and queryIcpVerifyTask
// (VerifyTask: task_id, verify_url, is_finish, face_status,
// along_with_auth_result), the five list queries (ListAnswer: items[] with
// type, parent_type, subject_type, code, name, remark, sub_list) and
// getOnlineIcpOrder (OnlineOrder: icp_subject, icp_applets[], the request's
// shape without media).
//
// # Sources
//
// The WeChat Open Platform documentation of applyIcpFiling,
// getIcpEntranceInfo (status enum 2..6 and 1024..1031), getOnlineIcpOrder,
// createIcpVerifyTask and queryIcpVerifyTask, and the WxJava beans of
// package me.chanjar.weixin.open.bean.icp; testdata/SOURCE.md says which
// golden file comes from which.
package wechat
