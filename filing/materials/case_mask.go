package materials

import (
	"fmt"
	"log/slog"

	"github.com/beiankit/beian/filing"
)

// LogValue masks the personal data of the case's filing in logs.
func (c Case) LogValue() slog.Value { return filing.MaskedLogValue(c) }

// Format masks the personal data of the case's filing in fmt output.
func (c Case) Format(s fmt.State, verb rune) { filing.FormatMasked(s, verb, c) }
