package filingtest_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/filingtest"
)

func TestR71_GeneratedAppsOfEveryKindAndPlatformAreValid(t *testing.T) {
	g := filingtest.New(71)
	ids := map[string]bool{}
	for i := range 60 {
		var s filing.Subject
		if i%2 == 0 {
			s = g.Individual("52")
		} else {
			s = g.Organisation("44")
		}
		f := g.FilingWithApps(s, 1)
		f.Apps = append(f.Apps, g.App(s, filing.AppKindApp, filing.PlatformOther))
		require.NoError(t, filing.Validate(f), "filing %d", i)
		assert.Empty(t, filing.Warnings(f), "observed AppID formats")
		for _, a := range f.Apps {
			for _, p := range a.Platforms {
				k := filing.AppIdentifierKey(p.Identifier)
				assert.False(t, ids[k], "identifier %s repeats", p.Identifier)
				ids[k] = true
			}
		}
	}
	assert.Len(t, ids, 60*4)
}

func TestR72_GeneratedFingerprintsMatchTheirPlatforms(t *testing.T) {
	g := filingtest.New(72)
	a := g.App(g.Organisation("11"), filing.AppKindApp, filing.PlatformAndroid, filing.PlatformIOS, filing.PlatformHarmonyOS)
	n := filing.NormalizeApp(a)
	want := map[filing.Platform]int{filing.PlatformAndroid: 32, filing.PlatformIOS: 40, filing.PlatformHarmonyOS: 64}
	for _, p := range n.Platforms {
		assert.Len(t, p.Fingerprint, want[p.Platform], p.Platform)
		assert.Len(t, p.PublicKey, 512, "2048-bit modulus")
	}
	// Same seed, same app.
	g2 := filingtest.New(72)
	again := g2.App(g2.Organisation("11"), filing.AppKindApp, filing.PlatformAndroid, filing.PlatformIOS, filing.PlatformHarmonyOS)
	assert.Equal(t, a, again)
}

func ExampleGen_App() {
	g := filingtest.New(1)
	s := g.Organisation("44")
	app := g.App(s, filing.AppKindApp, filing.PlatformAndroid, filing.PlatformIOS)
	mini := g.App(s, filing.AppKindMiniProgram)
	f := &filing.Filing{Subject: s, Websites: []filing.Website{g.Website(s)}, Apps: []filing.App{app, mini}}
	fmt.Println(filing.Validate(f))
	fmt.Println(len(app.Platforms), mini.Kind.Zh(), len(mini.Platforms))
	// Output:
	// <nil>
	// 2 小程序 0
}
