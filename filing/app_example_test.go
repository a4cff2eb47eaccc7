package filing_test

import (
	"errors"
	"fmt"

	"github.com/beiankit/beian/filing"
)

// Fingerprints are stored canonical: upper-case hex without separators.
func ExampleNormalizeFingerprint() {
	fp, err := filing.NormalizeFingerprint("b3:4f:be:0a:1c:2d:3e:4f:50:61:72:83:94:a5:b6:c7", filing.HashMD5)
	fmt.Println(fp, err)
	_, err = filing.NormalizeFingerprint("B34:FBE:0A", filing.HashMD5)
	fmt.Println(errors.Is(err, filing.CodeFingerprintSeparator))
	// Output:
	// B34FBE0A1C2D3E4F5061728394A5B6C7 <nil>
	// true
}

func ExampleCheckAppIdentifier() {
	fmt.Println(filing.CheckAppIdentifier(filing.PlatformAndroid, "com.tencent.mm"))
	fmt.Println(filing.CheckAppIdentifier(filing.PlatformIOS, "com.ss.iphone.ugc.Aweme"))
	fmt.Println(filing.CheckAppIdentifier(filing.PlatformHarmonyOS, "com.huawei.hmos.settings"))
	err := filing.CheckAppIdentifier(filing.PlatformHarmonyOS, "com.huawei")
	fmt.Println(errors.Is(err, filing.CodeAppIdentifierSyntax))
	fmt.Println(filing.AppIdentifierKey("com.ss.iphone.ugc.Aweme"))
	// Output:
	// <nil>
	// <nil>
	// <nil>
	// true
	// com.ss.iphone.ugc.aweme
}

func ExampleAppIDWarning() {
	fmt.Println(filing.AppIDWarning(filing.HostWeChat, "wx5a6c601ca97c8443"))
	fmt.Println(filing.AppIDWarning(filing.HostWeChat, "wx123").Zh)
	// Output:
	// <nil>
	// 微信的AppID通常为wx开头加16位小写十六进制字符，请核对“wx123”
}
