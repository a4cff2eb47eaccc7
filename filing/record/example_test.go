package record_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/record"
)

// A bureau approves a filing and puts its record on file: Of copies what the
// record set keeps, and the encoder writes the export line.
func ExampleOf() {
	f := &filing.Filing{
		Subject: filing.Subject{Number: "黔ICP备2026001073号", Province: "52", Name: "贵州示例科技有限公司",
			Nature: filing.NatureEnterprise, CertType: filing.CertBusinessLicence, CertNumber: "91520100MA6DTY2W56"},
		Websites: filing.Websites{{Service: filing.Service{Number: "黔ICP备2026001073号-1", Name: "示例网"},
			Domains: []string{"example.cn"}, HomeURL: "https://www.example.cn/"}},
	}
	at := time.Date(2026, 1, 5, 10, 0, 0, 0, calendar.Location())
	r := record.Of(f, filing.StatusApproved, at)
	fmt.Println(r.Websites[0].Number, r.Websites[0].Status, r.Websites[0].ServiceType())
	_ = record.NewEncoder(os.Stdout).Encode(r)
	// Output:
	// 黔ICP备2026001073号-1 approved 网站
	// {"subject":{"number":"黔ICP备2026001073号","province":"52","name":"贵州示例科技有限公司","nature":"enterprise","cert_type":"business_licence","cert_number":"91520100MA6DTY2W56","status":"approved","approved_at":"2026-01-05T10:00:00+08:00"},"websites":[{"number":"黔ICP备2026001073号-1","name":"示例网","domains":["example.cn"],"home_url":"https://www.example.cn/","status":"approved","approved_at":"2026-01-05T10:00:00+08:00"}]}
}

// Decode reads the export one subject per line; a line that does not
// decode is a *DecodeError with its line number, and the reading goes on.
func ExampleDecode() {
	export := `{"subject":{"number":"黔ICP备2026001073号","province":"52"},"websites":[{"number":"黔ICP备2026001073号-1","domains":["example.cn"]}]}

{"subject":{"number":1}}
{"subject":{"number":"京ICP备2026000001号","province":"11"},"apps":[{"number":"京ICP备2026000001号-1X","kind":"mini_program","host":"wechat"}]}
`
	for r, err := range record.Decode(strings.NewReader(export)) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(r.Subject.Number, len(r.Websites), len(r.Apps))
	}
	// Output:
	// 黔ICP备2026001073号 1 0
	// record.syntax: line 3: json: cannot unmarshal number into Go struct field Subject.subject.number of type string
	// 京ICP备2026000001号 0 1
}

// Write writes a record set as the export.
func ExampleWrite() {
	records := []record.Record{{Subject: record.Subject{Number: "黔ICP备2026001073号", Province: "52", Name: "甲"}}}
	_ = record.Write(os.Stdout, func(yield func(record.Record) bool) {
		for _, r := range records {
			if !yield(r) {
				return
			}
		}
	})
	// Output:
	// {"subject":{"number":"黔ICP备2026001073号","province":"52","name":"甲","nature":"","cert_type":"","cert_number":""}}
}

// A Decoder reads one record at a time and knows its line.
func ExampleNewDecoder() {
	d := record.NewDecoder(strings.NewReader("\n" + `{"subject":{"number":"黔ICP备2026001073号"}}` + "\n"))
	var r record.Record
	for d.Decode(&r) == nil {
		fmt.Println(d.Line(), r.Subject.Number)
	}
	// Output:
	// 2 黔ICP备2026001073号
}

// A bulk loader that splits the input itself decodes each line with a
// LineDecoder of its own (one per goroutine); with Reuse, the slices of a
// record are the decoder's until the next line.
func ExampleLineDecoder() {
	d := record.LineDecoder{Reuse: true}
	var r record.Record
	for _, line := range []string{
		`{"subject":{"number":"黔ICP备2026001073号","province":"52"},"websites":[{"number":"黔ICP备2026001073号-1","domains":["a.cn","b.cn"]}]}`,
		`{"subject":{"number":"京ICP备2026000001号"},"websites":[{"restricted":true,"access":[{"isp":"中国电信","since":"2026-01-06T01:00:00Z"}]}]}`,
	} {
		if err := d.Decode([]byte(line), &r); err != nil {
			fmt.Println(err)
			continue
		}
		w := r.Websites[0]
		fmt.Println(r.Subject.Number, len(w.Domains), w.Restricted, len(w.Access))
	}
	fmt.Println(r.Websites[0].Access[0].Since) // in China Standard Time
	// Output:
	// 黔ICP备2026001073号 2 false 0
	// 京ICP备2026000001号 0 true 1
	// 2026-01-06 09:00:00 +0800 CST
}
