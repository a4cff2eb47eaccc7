package privacy

import (
	"github.com/beiankit/beian/filing/platform"
	"github.com/beiankit/beian/filing/platform/douyin"
	"github.com/beiankit/beian/filing/platform/wechat"
)

// The platform adapters' types, kept in a file of their own and
// merged into registry before the tests run.
func init() {
	for k, v := range map[string]entry{
		"filing/platform.Area":                      typ[platform.Area](),
		"filing/platform.Extra":                     typ[platform.Extra](),
		"filing/platform.Field":                     typ[platform.Field](),
		"filing/platform.Fields":                    typ[platform.Fields](),
		"filing/platform.Region":                    typ[platform.Region](),
		"filing/platform.ServiceType":               typ[platform.ServiceType](),
		"filing/platform/wechat.Applets":            typ[wechat.Applets](),
		"filing/platform/wechat.AppletsBaseInfo":    typ[wechat.AppletsBaseInfo](),
		"filing/platform/wechat.ApplyAnswer":        typ[wechat.ApplyAnswer](),
		"filing/platform/wechat.ApplyIcpFiling":     typ[wechat.ApplyIcpFiling](),
		"filing/platform/wechat.AuditItem":          typ[wechat.AuditItem](),
		"filing/platform/wechat.Entrance":           typ[wechat.Entrance](),
		"filing/platform/wechat.EntranceInfo":       typ[wechat.EntranceInfo](),
		"filing/platform/wechat.Hint":               typ[wechat.Hint](),
		"filing/platform/wechat.Input":              typ[wechat.Input](),
		"filing/platform/wechat.LegalPersonInfo":    typ[wechat.LegalPersonInfo](),
		"filing/platform/wechat.ListAnswer":         typ[wechat.ListAnswer](),
		"filing/platform/wechat.ListItem":           typ[wechat.ListItem](),
		"filing/platform/wechat.Lists":              typ[wechat.Lists](),
		"filing/platform/wechat.Materials":          typ[wechat.Materials](),
		"filing/platform/wechat.Media":              typ[wechat.Media](),
		"filing/platform/wechat.NrlxDetail":         typ[wechat.NrlxDetail](),
		"filing/platform/wechat.OnlineOrder":        typ[wechat.OnlineOrder](),
		"filing/platform/wechat.OrganizeInfo":       typ[wechat.OrganizeInfo](),
		"filing/platform/wechat.PersonalInfo":       typ[wechat.PersonalInfo](),
		"filing/platform/wechat.PrincipalInfo":      typ[wechat.PrincipalInfo](),
		"filing/platform/wechat.Subject":            typ[wechat.Subject](),
		"filing/platform/wechat.SubjectBaseInfo":    typ[wechat.SubjectBaseInfo](),
		"filing/platform/wechat.VerifyTask":         typ[wechat.VerifyTask](),
		"filing/platform/douyin.Answer":             typ[douyin.Answer](),
		"filing/platform/douyin.AppInfo":            typ[douyin.AppInfo](),
		"filing/platform/douyin.CorpInfo":           typ[douyin.CorpInfo](),
		"filing/platform/douyin.CorpType":           typ[douyin.CorpType](),
		"filing/platform/douyin.CredentialsType":    typ[douyin.CredentialsType](),
		"filing/platform/douyin.FacialAnswer":       typ[douyin.FacialAnswer](),
		"filing/platform/douyin.FacialData":         typ[douyin.FacialData](),
		"filing/platform/douyin.Input":              typ[douyin.Input](),
		"filing/platform/douyin.Lists":              typ[douyin.Lists](),
		"filing/platform/douyin.ListsAnswer":        typ[douyin.ListsAnswer](),
		"filing/platform/douyin.Material":           typ[douyin.Material](),
		"filing/platform/douyin.Media":              typ[douyin.Media](),
		"filing/platform/douyin.PreApproval":        typ[douyin.PreApproval](),
		"filing/platform/douyin.PreApprovalType":    typ[douyin.PreApprovalType](),
		"filing/platform/douyin.RecordInfo":         typ[douyin.RecordInfo](),
		"filing/platform/douyin.RegionItem":         typ[douyin.RegionItem](),
		"filing/platform/douyin.ServiceContentType": typ[douyin.ServiceContentType](),
		"filing/platform/douyin.StatusAnswer":       typ[douyin.StatusAnswer](),
		"filing/platform/douyin.StatusData":         typ[douyin.StatusData](),
	} {
		registry[k] = v
	}
}
