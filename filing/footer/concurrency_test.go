package footer_test

import (
	"bytes"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/beiankit/beian/filing/footer"
)

// TestR88_ScanConcurrent scans and checks one page from several goroutines
// (run with -race): Scan and Check share no state.
func TestR88_ScanConcurrent(t *testing.T) {
	page := benchPage()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 3 {
				p, err := footer.Scan(bytes.NewReader(page), footer.Options{})
				if !assert.NoError(t, err) {
					return
				}
				_, err = footer.Check(p, subject, website)
				assert.NoError(t, err)
			}
		})
	}
	wg.Wait()
}
