package numbering

// AppKind is the kind of a mobile internet application: app, mini-program or
// quick app. Each gets its record number from the subject's one sequence,
// with its letter: -nA, -nX, -nK. filing.AppKind is this type:
// it lives here, below the filing model, so that numbering does not import
// the model.
type AppKind string

// App kinds.
const (
	AppKindApp         AppKind = "app"          // APP: -nA
	AppKindMiniProgram AppKind = "mini_program" // 小程序: -nX
	AppKindQuickApp    AppKind = "quick_app"    // 快应用: -nK
)

var appKindInfo = map[AppKind][3]string{
	AppKindApp:         {"APP", "app", "A"},
	AppKindMiniProgram: {"小程序", "mini-program", "X"},
	AppKindQuickApp:    {"快应用", "quick app", "K"},
}

// Valid reports whether k is one of the declared kinds.
func (k AppKind) Valid() bool { _, ok := appKindInfo[k]; return ok }

// Zh returns the kind as the filing system names it ("APP", "小程序",
// "快应用"), or the code itself for an unknown kind.
func (k AppKind) Zh() string {
	if i, ok := appKindInfo[k]; ok {
		return i[0]
	}
	return string(k)
}

// En returns the kind in English, or the code itself for an unknown kind.
func (k AppKind) En() string {
	if i, ok := appKindInfo[k]; ok {
		return i[1]
	}
	return string(k)
}

// Letter returns the letter that follows the suffix of the kind's record
// number: "A", "X" or "K"; "" for an unknown kind.
func (k AppKind) Letter() string { return appKindInfo[k][2] }

// ServiceType returns the service type the public query shows for the kind
// ("APP应用" for apps, as the Huawei Cloud filing FAQ names it; "小程序",
// "快应用"), and "网站" for the empty kind (a website).
func (k AppKind) ServiceType() string {
	switch k {
	case "":
		return "网站"
	case AppKindApp:
		return "APP应用"
	}
	return k.Zh()
}
