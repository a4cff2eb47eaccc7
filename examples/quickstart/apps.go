package main

import (
	"context"
	"crypto/md5"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/guidance"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/record"
	"github.com/beiankit/beian/numbering"
)

// apps is step 7 of the story: the filed company adds an app (Android and
// iOS) and a WeChat mini-program under its subject (R-70..R-75). The first
// attempt gives the iOS row an MD5 fingerprint and the Bundle ID of another
// company's app (a case variant); the corrected filing is clean and the
// approved app and mini-program take -2A and -3X from the subject's one
// sequence.
func apps(r *report, ix *conflict.Index, alloc *numbering.Allocator, f *filing.Filing, subj numbering.Number, now time.Time) error {
	r.head("APP与小程序备案 Apps and mini-programs (R-70..R-75)")
	ctx := context.Background()
	clock := filing.WithNow(func() time.Time { return now })
	androidCert, iosCert := []byte("星辰科技 Android 发布证书"), []byte("星辰科技 iOS 发布证书")
	md := md5.Sum(androidCert)
	sh := sha1.Sum(iosCert)
	modulus := strings.ToUpper(hex.EncodeToString(append(md[:], sh[:]...)))
	principal := f.Websites[0].Principal
	add := &filing.Filing{
		Subject: f.Subject, // on file: only the app information is added
		Apps: []filing.App{
			{
				Kind: filing.AppKindApp,
				Service: filing.Service{
					Name:           "星辰记账",
					ServiceContent: "个人记账与账单管理",
					Principal:      principal,
				},
				Language: "中文简体",
				Platforms: []filing.AppPlatform{
					{Platform: filing.PlatformAndroid, Identifier: "cn.xingchenkeji.ledger", PublicKey: modulus,
						Fingerprint: colons(md[:]), Domains: []string{"api.星辰科技.中国"},
						SDKs: []filing.AppSDK{{Name: "支付宝SDK", Provider: "支付宝（中国）网络技术有限公司", Purpose: "支付"}}},
					{Platform: filing.PlatformIOS, Identifier: "CN.XINGCHEN.NOTES", PublicKey: modulus,
						Fingerprint: colons(md[:]), Domains: []string{"api.星辰科技.中国"}},
				},
			},
			{
				Kind: filing.AppKindMiniProgram,
				Service: filing.Service{
					Name:      "星辰记账助手",
					Principal: principal,
				},
				Language:  "中文简体",
				Host:      filing.HostWeChat,
				HostAppID: "wx5a6c601ca97c8443",
			},
		},
	}
	err := filing.Validate(add, clock)
	var ve *filing.ValidationError
	if !errors.As(err, &ve) {
		return fmt.Errorf("the app filing should fail validation, got %v", err)
	}
	for _, p := range ve.Problems {
		r.printf("  ✗ %s（%s）：%s [%s %s]\n", p.Label, p.Path, p.Zh, p.Code, p.Rule)
	}
	add.Apps[0].Platforms[1].Fingerprint = strings.ToLower(hex.EncodeToString(sh[:]))
	if err := filing.Validate(add, clock); err != nil {
		return fmt.Errorf("corrected app filing: %w", err)
	}
	add = filing.NormalizeFiling(add)
	conflicts, err := ix.Check(add)
	if err != nil {
		return err
	}
	for _, c := range conflicts {
		g := guidance.For(c)
		r.printf("  ✗ %s [%s %s]\n    阻挡的备案：%s；%s\n", g.Zh, c.Kind, c.Rule(), c.Blocking.AppNumber, g.Steps[0].Zh)
	}
	add.Apps[0].Platforms[1].Identifier = "cn.xingchenkeji.Ledger"
	if conflicts, err = ix.Check(add); err != nil || len(conflicts) > 0 {
		return fmt.Errorf("own Bundle ID should be clean: %v %v", conflicts, err)
	}
	r.printf("改用本单位的Bundle ID %s：无冲突 ✓（签名值已规范为 %s）\n", add.Apps[0].Platforms[1].Identifier, add.Apps[0].Platforms[1].Fingerprint)

	for i := range add.Apps {
		a := &add.Apps[i]
		n, err := alloc.NextApp(ctx, subj, a.Kind)
		if err != nil {
			return err
		}
		a.Number = n.String()
		r.printf("审核通过：%s“%s” 备案号 %s（R-75：在%s的“设置”或“关于”页显著位置展示，并链接至 https://beian.miit.gov.cn/）\n", a.Kind.Zh(), a.Name, a.Number, a.Kind.Zh())
	}
	// The record on file now holds the website and the apps: record.Of of
	// the filing with its apps added.
	withApps := *f
	withApps.Apps = add.Apps
	if err := ix.Put(record.Of(&withApps, filing.StatusApproved, now)); err != nil {
		return err
	}
	res, err := ix.Query(conflict.Query{By: conflict.BySponsorName, Value: f.Subject.Name})
	if err != nil {
		return err
	}
	for _, p := range res.Records {
		r.printf("公共查询（R-33）：%s %s%s %s%s\n", p.ServiceType, p.WebsiteNumber, p.AppNumber, p.WebsiteName, p.AppName)
	}
	return nil
}

// colons formats a digest as keytool prints it.
func colons(sum []byte) string {
	h := strings.ToUpper(hex.EncodeToString(sum))
	parts := make([]string, 0, len(h)/2)
	for i := 0; i < len(h); i += 2 {
		parts = append(parts, h[i:i+2])
	}
	return strings.Join(parts, ":")
}
