// Package record defines the record on file (备案信息): one subject with its
// websites and apps as the filing system keeps it once a filing is decided,
// the one export format of the national record set (JSON Lines, one subject
// with all its services per line) and its streaming decoder and encoder.
//
// The conflict index (package conflict, R-30..R-33) and the shell
// classification (package filing/shell, R-60..R-64) both read this one
// model and this one export: a bureau writes its export once and feeds it to
// both. Of turns a filing (filing.Filing) into its record, so that no caller
// copies fields by hand.
//
// # Export format
//
// One JSON object per line (UTF-8; "\n" or "\r\n" line ends; blank lines
// are skipped), in the JSON shape of Record:
//
//	{"subject":{"number":"黔ICP备2026001073号","province":"52","name":"贵州示例科技有限公司","nature":"enterprise",
//	  "cert_type":"business_licence","cert_number":"91520100MA6DKX1234","approved_at":"2026-01-05T10:00:00+08:00"},
//	 "websites":[{"number":"黔ICP备2026001073号-1","name":"示例网","domains":["example.cn"],
//	  "home_url":"https://www.example.cn/","ips":["1.2.3.4"],"approved_at":"2026-01-05T10:00:00+08:00",
//	  "access":[{"isp":"中国电信","isp_province":"52","since":"2026-01-06T09:00:00+08:00"}]}],
//	 "apps":[{"number":"黔ICP备2026001073号-2X","kind":"mini_program","name":"示例","host":"wechat"}]}
//
// (one line in the export). A line decodes exactly as encoding/json decodes
// it into a Record — a decoder without reflection reads the export's own
// shape and hands every other line to encoding/json, which decides — except
// that instants are returned in China Standard Time (calendar.Location()).
// Keys are matched as encoding/json matches them; unknown keys are ignored.
//
// # Errors
//
// A line that does not decode is a *DecodeError with its 1-based line
// number; errors.Is(err, ErrSyntax) matches it, errors.As reaches the
// encoding/json error, and the stream goes on. A failure of the reader (or a
// line longer than MaxLineBytes) is a *ReadError with its line, and ends
// the stream. Whether a decoded record is a valid record (a known
// province, a number under its subject's, ...) is its reader's question:
// conflict.Index checks it on Put and Load, the shell classification checks
// statuses and access periods.
//
// # Personal data
//
// The subject's certificate number is personal data for individuals:
// Record and Subject mask it through fmt (every verb) and log/slog;
// encoding/json writes it in clear, as the export needs. The principals'
// contacts never enter a record: a store's copy carries their keyed hashes
// only (Subject.ContactKeys, R-94), which a bureau's public export leaves
// out.
package record
