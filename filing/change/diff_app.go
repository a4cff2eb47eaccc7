package change

import (
	"slices"
	"strconv"

	"github.com/beiankit/beian/filing"
)

// apps reports the changes of the apps, mini-programs and quick apps
// as Diff does for websites: apps are matched by record
// number (a number given twice matches in order); an app of new without a
// number, or with a number old does not hold, is OpAdded at "apps[i]"; a
// numbered app of old missing from new is OpRemoved at "apps[j]" (j in
// old). A matched app is compared field by field on its normalised form
// (filing.NormalizeApp): kind, name, service content, categories,
// language, pre-approvals, the responsible person, the hosting platform
// and its app ID, every platform row (matched by platform, and by its
// name for "other") with its identifier (compared by
// filing.AppIdentifierKey), public key, fingerprint and its algorithm,
// domains and SDKs, and the access records (as a website's).
func (d *differ) apps(old, new []filing.App) {
	if len(old) == 0 && len(new) == 0 {
		return
	}
	d.app = true
	defer func() { d.app, d.website, d.area = false, -1, AreaSubject }()
	byNumber := make(map[string][]int, len(old))
	for i := range old {
		if n := old[i].Number; n != "" {
			byNumber[n] = append(byNumber[n], i)
		}
	}
	matched := make([]bool, len(old))
	for i := range new {
		prefix := "apps[" + strconv.Itoa(i) + "]"
		d.website, d.area = i, AreaApp
		n := new[i].Number
		olds := byNumber[n]
		if n == "" || len(olds) == 0 {
			d.add(prefix, "APP", OpAdded, false)
			continue
		}
		j := olds[0]
		byNumber[n] = olds[1:]
		matched[j] = true
		d.appDiff(prefix+".", &old[j], &new[i])
	}
	for j := range old {
		if !matched[j] && old[j].Number != "" {
			d.website, d.area = j, AreaApp
			d.add("apps["+strconv.Itoa(j)+"]", "APP", OpRemoved, false)
		}
	}
}

func (d *differ) appDiff(prefix string, x, y *filing.App) {
	a, b := filing.NormalizeApp(*x), filing.NormalizeApp(*y)
	d.norm(prefix, "kind", "应用类型", string(a.Kind), string(b.Kind), true)
	d.norm(prefix, "name", "APP名称", a.Name, b.Name, false)
	d.norm(prefix, "service_content", "服务内容", a.ServiceContent, b.ServiceContent, false)
	if !slices.Equal(a.Categories, b.Categories) {
		d.add(prefix+"categories", "服务类目", OpModified, false)
	}
	d.norm(prefix, "language", "语种", a.Language, b.Language, false)
	if !slices.Equal(a.Involves, b.Involves) {
		d.add(prefix+"involves", "涉及前置审批", OpModified, false)
	}
	if !slices.EqualFunc(a.PreApprovals, b.PreApprovals, samePreApproval) {
		d.add(prefix+"pre_approvals", "前置审批", OpModified, false)
	}
	d.person(prefix+"principal.", &x.Principal, &y.Principal)
	d.norm(prefix, "host", "所属平台", string(a.Host), string(b.Host), false)
	d.norm(prefix, "host_name", "所属平台名称", a.HostName, b.HostName, false)
	d.norm(prefix, "host_app_id", "平台AppID", a.HostAppID, b.HostAppID, false)
	d.platforms(prefix, a.Platforms, b.Platforms)
	d.area = AreaAccess
	d.access(prefix, x.Access, y.Access)
	d.area = AreaApp
}

func samePreApproval(x, y filing.PreApproval) bool {
	return x.Category == y.Category && x.Number == y.Number && x.Authority == y.Authority && x.ValidUntil.Equal(y.ValidUntil)
}

// platformKey is the identity of a platform row: the platform, and its
// name for another platform.
func platformKey(p *filing.AppPlatform) string {
	if p.Platform == filing.PlatformOther {
		return string(p.Platform) + "/" + p.PlatformName
	}
	return string(p.Platform)
}

// platforms reports the platform rows added (OpAdded at
// "platforms[k]", k in new), removed (OpRemoved, k in old) and, for rows
// of the same platform, each changed field. The rows are normalised.
func (d *differ) platforms(prefix string, a, b []filing.AppPlatform) {
	used := make([]bool, len(a))
	for k := range b {
		p := prefix + "platforms[" + strconv.Itoa(k) + "]"
		j := -1
		for i := range a {
			if !used[i] && platformKey(&a[i]) == platformKey(&b[k]) {
				j = i
				break
			}
		}
		if j < 0 {
			d.add(p, "运行平台", OpAdded, true)
			continue
		}
		used[j] = true
		x, y := &a[j], &b[k]
		p += "."
		d.norm(p, "platform_name", "平台名称", x.PlatformName, y.PlatformName, false)
		d.norm(p, "identifier", "应用标识", filing.AppIdentifierKey(x.Identifier), filing.AppIdentifierKey(y.Identifier), true)
		d.norm(p, "public_key", "公钥", x.PublicKey, y.PublicKey, false)
		d.norm(p, "fingerprint", "签名值", x.Fingerprint, y.Fingerprint, false)
		d.norm(p, "fingerprint_algorithm", "签名算法", string(x.FingerprintAlgorithm), string(y.FingerprintAlgorithm), false)
		d.domains(p, x.Domains, y.Domains)
		if !slices.Equal(x.SDKs, y.SDKs) {
			d.add(p+"sdks", "第三方SDK", OpModified, false)
		}
	}
	for j := range a {
		if !used[j] {
			d.add(prefix+"platforms["+strconv.Itoa(j)+"]", "运行平台", OpRemoved, true)
		}
	}
}
