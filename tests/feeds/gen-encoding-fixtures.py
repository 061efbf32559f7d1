# Writes the encoding fixtures: python3 gen-encoding-fixtures.py fixtures
import unicodedata, sys, os
out = sys.argv[1]
body = '<rss version="2.0"><channel><title>Tiếng Việt: Đảng uỷ Công an</title><item><title>Café Hà Nội ủy</title><description>Nghị quyết số 12</description></item><item><title>Hai</title></item></channel></rss>\n'
def cp1258(s):
    b = b''
    for ch in s:
        try:
            b += ch.encode('cp1258'); continue
        except UnicodeEncodeError: pass
        d = unicodedata.normalize('NFD', ch)
        base, marks = d[0], list(d[1:])
        for m in list(marks):
            c = unicodedata.normalize('NFC', base + m)
            if len(c) == 1:
                try:
                    c.encode('cp1258'); base = c; marks.remove(m); break
                except UnicodeEncodeError: pass
        b += base.encode('cp1258') + ''.join(marks).encode('cp1258')
    return b
def w(name, data): open(os.path.join(out, name),'wb').write(data)
decl = lambda e: '<?xml version="1.0" encoding="%s"?>\n' % e
w('encoding-utf16le.xml', b'\xff\xfe' + (decl('UTF-16') + body).encode('utf-16-le'))
w('encoding-utf16be.xml', b'\xfe\xff' + (decl('utf-16') + body).encode('utf-16-be'))
w('encoding-windows-1258.xml', cp1258(decl('windows-1258') + body))
latin = '<rss version="2.0"><channel><title>Café Noël</title><item><title>Déjà vu – “quoted”</title></item></channel></rss>\n'
w('encoding-iso-8859-1.xml', (decl('ISO-8859-1') + latin.replace('–','-').replace('“','"').replace('”','"')).encode('latin-1'))
w('encoding-wrong-declared-latin1.xml', (decl('ISO-8859-1') + body).encode('utf-8'))
w('encoding-wrong-declared-utf8.xml', (decl('utf-8') + latin).encode('cp1252'))
b = (decl('utf-8') + body).encode('utf-8').replace('Café'.encode(), b'Caf\xe9 \xff\xfe')
w('encoding-invalid-utf8.xml', b)
w('encoding-unknown.xml', (decl('x-bogus-42') + body).encode('utf-8'))
w('encoding-none-utf8-bom.xml', b'\xef\xbb\xbf' + body.encode('utf-8'))
