// Package materials says which documents a filing must carry beyond its
// fields and checks that none is missing. The matrix is data
// (data/materials.json, each row with its source); Required lists what a
// case needs, Check names what is missing in Chinese.
//
// National rows: the authenticity form of every new filing, domain
// certificates from the fourth domain, a handheld-ID photo without
// electronic verification; and, read from package filing's province table,
// residence proof for an individual filing outside the province of the
// resident ID and the principal's authorisation letter where the province
// asks them.
//
// Province rows, each quoting a major provider's page of the bureau's
// requirements:
//
//   - 党建确认函 for a new website in Xinjiang (65) and Tibet (54);
//   - 承诺书 for every new filing in Shanghai (31), and for an
//     organisation's new website not named after it in Sichuan (51), with a
//     建设方案书;
//   - 域名证书 for every domain of a new website in Jiangsu (32), Hunan
//     (43), Chongqing (50) and Guizhou (52);
//   - 建设方案书 past a number of domains: Guangdong (44) from 6 different
//     domain prefixes or 6 domains of an individual and 32 prefixes of an
//     organisation, with Alibaba Cloud's 保证书 from 10 and 32 prefixes;
//     Hunan from 6 domains on one website or 6 new websites; Chongqing from
//     6 websites of the subject, with a 保证书;
//   - 更名函 for an organisation renamed (Case.RecordedName, which the
//     filing model does not carry) in Beijing, Tianjin, Inner Mongolia,
//     Shanghai, Zhejiang, Jiangxi, Shandong, Henan, Hubei, Hainan, Sichuan
//     and Guizhou.
//
// A row's condition (Row.When) joins terms with "+"; Conditions lists them.
// What stays for callers: no source read names a province that asks a
// 承诺视频, and bureaus change their letters often; a caller adds its
// province's letters and videos as rows (Rules.With) from its bureau's
// notice, or replaces a row by its ID.
package materials
