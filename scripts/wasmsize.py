# Code size of a Go WebAssembly binary by package, from its "name" section
# (go tool nm does not read wasm). Usage: build without -s, then
#   GOOS=js GOARCH=wasm go build -trimpath -o named.wasm ./cmd/beianwasm
#   python3 docs/bench/i30_wasmsize.py named.wasm
import sys, collections, re
b = open(sys.argv[1], 'rb').read()
pos = 8
def leb(p):
    r = s = 0
    while True:
        x = b[p]; p += 1
        r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, p
nimports = 0; bodies = []; names = {}; datasize = 0; sections = collections.Counter()
while pos < len(b):
    sid = b[pos]; pos += 1
    size, pos = leb(pos); end = pos + size
    if sid == 0:
        nl, q = leb(pos); nm = b[q:q+nl].decode(); q += nl
        sections['custom:' + nm] += size
        if nm == 'name':
            while q < end:
                sub = b[q]; q += 1
                sl, q = leb(q); se = q + sl
                if sub == 1:
                    n, q = leb(q)
                    for _ in range(n):
                        i, q = leb(q); l, q = leb(q); names[i] = b[q:q+l].decode('utf-8', 'replace'); q += l
                q = se
    else:
        sections[sid] += size
    if sid == 2:
        n, q = leb(pos)
        for _ in range(n):
            for _ in range(2):
                l, q = leb(q); q += l
            kind = b[q]; q += 1
            if kind == 0: _, q = leb(q); nimports += 1
            elif kind == 1: q += 1; fl = b[q]; q += 1; _, q = leb(q); q = leb(q)[1] if fl & 1 else q
            elif kind == 2: fl = b[q]; q += 1; _, q = leb(q); q = leb(q)[1] if fl & 1 else q
            elif kind == 3: q += 2
    if sid == 10:
        n, q = leb(pos)
        for _ in range(n):
            l, q = leb(q); bodies.append(l); q += l
    pos = end
def pkg(name):
    name = re.sub(r'\(.*?\)', '', name).replace('_', '/')
    name = name.replace('github.com/beiankit/beian/', 'beian/')
    m = re.match(r'^(.*?/[^./]+|[^./]+)\.', name)
    p = m.group(1) if m else name
    for pre in ['github.com/go-playground/validator', 'github.com/gabriel-vasile/mimetype', 'golang.org/x/text', 'golang.org/x/net', 'github.com/leodido/go-urn', 'github.com/go-playground']:
        if p.startswith(pre): return pre
    if p.startswith('crypto'): return 'crypto/...'
    return p
agg = collections.Counter()
for i, l in enumerate(bodies):
    agg[pkg(names.get(i + nimports, '?'))] += l
print('sections:', {str(k): v for k, v in sections.most_common()})
print('code total', sum(bodies))
for k, v in agg.most_common(25): print(f'{v:>9} {k}')
