#!/usr/bin/env python3
"""pdfx_check.py PDF — the keys PDF/X-1a:2003 (ISO 15930-4) requires, read
through `qpdf --json`: Debian 12 packages no PDF/X validator (veraPDF and
pdfcpu are not in it), so this checks what the standard asks of the file's
objects, one line per requirement:

    ok NAME            or            FAIL NAME: what is wrong

header      the file's header says PDF 1.4 or lower, and so does the catalog
id          the trailer has an /ID; the file is not encrypted
info        Info has /GTS_PDFXVersion (PDF/X-1a:2003), a /Title, /CreationDate,
            /ModDate, and /Trapped /True or /False
intent      the catalog's /OutputIntents has one /S /GTS_PDFX intent, with an
            /OutputConditionIdentifier and an embedded /DestOutputProfile
boxes       every page has a TrimBox (and no ArtBox), within its BleedBox,
            within its MediaBox
transparency  no soft mask, no constant alpha below 1, no blend mode but
            Normal or Compatible, no transparency group, no transfer function
colour      no colour space but DeviceGray, DeviceCMYK, Separation, DeviceN
            (and Indexed or Pattern over them): no RGB, Cal*, Lab or ICCBased
fonts       every font's program is embedded (Type 3 fonts are their own)

It does not render anything, nor check what lies in content streams
beyond their resources.

pdfx_check.py --spoil NAME PDF OUT writes a copy of PDF that breaks
requirement NAME alone (through qpdf: --update-from-json, --force-version,
--encrypt), so that a test can see each check fail."""
import json, re, subprocess, sys

def load(pdf):
    out = subprocess.run(['qpdf', '--json', '--json-key=qpdf', pdf],
                         capture_output=True, text=True).stdout
    header, objects = json.loads(out)['qpdf']
    return header, objects

class Doc:
    def __init__(self, pdf):
        self.header, self.objects = load(pdf)
        self.trailer = self.objects['trailer']['value']
        self.raw = open(pdf, 'rb').read(16)

    def obj(self, value):
        """value with a reference resolved: a dict, list, name, number or
        string; a stream as its dictionary."""
        if isinstance(value, str) and re.fullmatch(r'\d+ \d+ R', value):
            entry = self.objects.get('obj:' + value, {})
            if 'stream' in entry:
                return entry['stream']['dict']
            return entry.get('value')
        return value

    def is_stream(self, value):
        return isinstance(value, str) and 'stream' in self.objects.get('obj:' + value, {})

    def dicts(self):
        """Every dictionary in the file, stream dictionaries and those nested
        in other objects included."""
        stack = [e.get('value', e.get('stream', {}).get('dict')) for e in self.objects.values()]
        while stack:
            v = stack.pop()
            if isinstance(v, dict):
                yield v
                stack.extend(v.values())
            elif isinstance(v, list):
                stack.extend(v)

    def values(self):
        for d in self.dicts():
            for k, v in d.items():
                yield k, v
                if isinstance(v, list):
                    for item in v:
                        yield k, item

def text(value):
    return value[2:] if isinstance(value, str) and value[:2] in ('u:', 'b:') else None

def version_ok(v):
    return v is not None and tuple(map(int, v.split('.'))) <= (1, 4)

def check_header(doc):
    m = re.match(rb'%PDF-(\d\.\d)', doc.raw)
    catalog = doc.obj(doc.trailer['/Root'])
    declared = catalog.get('/Version', '/1.0')[1:]
    if not m or not version_ok(m.group(1).decode()):
        return 'the header is %r, not PDF 1.4 or lower' % doc.raw[:8]
    if not version_ok(declared):
        return 'the catalog declares /Version %s' % declared

def check_id(doc):
    if '/Encrypt' in doc.trailer:
        return 'the file is encrypted'
    if not isinstance(doc.trailer.get('/ID'), list) or len(doc.trailer['/ID']) != 2:
        return 'the trailer has no /ID'

def check_info(doc):
    info = doc.obj(doc.trailer.get('/Info')) or {}
    problems = []
    if text(info.get('/GTS_PDFXVersion')) != 'PDF/X-1a:2003':
        problems.append('/GTS_PDFXVersion is %r' % info.get('/GTS_PDFXVersion'))
    for key in ('/Title', '/CreationDate', '/ModDate'):
        if not text(info.get(key)):
            problems.append('no ' + key)
    if info.get('/Trapped') not in ('/True', '/False'):
        problems.append('/Trapped is %r, not /True or /False' % info.get('/Trapped'))
    return '; '.join(problems) or None

def check_intent(doc):
    catalog = doc.obj(doc.trailer['/Root'])
    intents = [doc.obj(i) for i in doc.obj(catalog.get('/OutputIntents')) or []]
    pdfx = [i for i in intents if i.get('/S') == '/GTS_PDFX']
    if len(pdfx) != 1:
        return '%d /GTS_PDFX output intents, not one' % len(pdfx)
    intent = pdfx[0]
    if not text(intent.get('/OutputConditionIdentifier')):
        return 'no /OutputConditionIdentifier'
    profile = intent.get('/DestOutputProfile')
    if not doc.is_stream(profile) or doc.obj(profile).get('/N') not in (1, 4):
        return 'no embedded gray or CMYK /DestOutputProfile'

def check_boxes(doc):
    pages = doc.obj(doc.obj(doc.trailer['/Root'])['/Pages'])
    problems = []
    def walk(node, inherited):
        node = doc.obj(node)
        boxes = dict(inherited)
        for key in ('/MediaBox', '/CropBox'):
            if key in node:
                boxes[key] = [float(x) for x in doc.obj(node[key])]
        if node.get('/Type') == '/Pages':
            for kid in doc.obj(node['/Kids']):
                walk(kid, boxes)
            return
        media = boxes.get('/MediaBox')
        box = lambda key: [float(x) for x in doc.obj(node[key])] if key in node else None
        trim, bleed = box('/TrimBox'), box('/BleedBox') or media
        inside = lambda a, b: a[0] >= b[0] - 0.01 and a[1] >= b[1] - 0.01 and \
            a[2] <= b[2] + 0.01 and a[3] <= b[3] + 0.01
        if trim is None:
            problems.append('a page without a TrimBox')
        elif '/ArtBox' in node:
            problems.append('a page with both TrimBox and ArtBox')
        elif not (media and inside(trim, bleed) and inside(bleed, media)):
            problems.append('a page whose TrimBox %s is not within its BleedBox %s within its MediaBox %s'
                            % (trim, bleed, media))
    walk(doc.obj(doc.trailer['/Root'])['/Pages'], {})
    return '; '.join(sorted(set(problems))) or None

def check_transparency(doc):
    problems = set()
    for d in doc.dicts():
        if d.get('/SMask', '/None') != '/None':
            problems.add('a soft mask')
        for key in ('/CA', '/ca'):
            if key in d and isinstance(d[key], (int, float)) and d[key] < 1:
                problems.add('%s %s' % (key, d[key]))
        bm = d.get('/BM', '/Normal')
        if (bm if isinstance(bm, list) else [bm])[0] not in ('/Normal', '/Compatible'):
            problems.add('blend mode %s' % bm)
        group = doc.obj(d.get('/Group'))
        if isinstance(group, dict) and group.get('/S') == '/Transparency':
            problems.add('a transparency group')
        for key in ('/TR', '/TR2'):
            if key in d and d[key] != '/Default':
                problems.add('a transfer function (%s)' % key)
    return ', '.join(sorted(problems)) or None

FORBIDDEN_SPACES = ('/DeviceRGB', '/CalRGB', '/CalGray', '/Lab', '/ICCBased')

def check_colour(doc):
    found = {v for k, v in doc.values() if v in FORBIDDEN_SPACES
             and k in ('/ColorSpace', '/CS', '/Alternate', '/Base', '/DefaultRGB', '/DefaultGray', '/DefaultCMYK')}
    for d in doc.dicts():   # colour spaces named in a resource dictionary
        spaces = doc.obj(d.get('/ColorSpace'))
        if isinstance(spaces, dict):
            for space in spaces.values():
                space = doc.obj(space)
                family = space[0] if isinstance(space, list) else space
                if family in FORBIDDEN_SPACES:
                    found.add(family)
    return ', '.join(sorted(found)) or None

def check_fonts(doc):
    missing = set()
    for d in doc.dicts():
        if d.get('/Type') != '/Font' or d.get('/Subtype') in ('/Type0', '/Type3'):
            continue
        descriptor = doc.obj(d.get('/FontDescriptor')) or {}
        if not any(k in descriptor for k in ('/FontFile', '/FontFile2', '/FontFile3')):
            missing.add(str(d.get('/BaseFont')))
    return ('not embedded: ' + ', '.join(sorted(missing))) if missing else None

CHECKS = [('header', check_header), ('id', check_id), ('info', check_info), ('intent', check_intent),
          ('boxes', check_boxes), ('transparency', check_transparency), ('colour', check_colour),
          ('fonts', check_fonts)]

# ---- spoilers: a copy that breaks one requirement -----------------------------

def first(doc, test):
    return next(k for k, e in sorted(doc.objects.items()) if k.startswith('obj:') and test(e))

def value_of(entry):
    return entry.get('value', entry.get('stream', {}).get('dict')) or {}

def page_one(doc):
    pages = doc.obj(doc.obj(doc.trailer['/Root'])['/Pages'])
    while pages.get('/Type') == '/Pages':
        ref = doc.obj(pages['/Kids'])[0]
        pages = doc.obj(ref)
    return 'obj:' + ref

def changed(doc, key, change):
    """The update that gives object key its dictionary changed by change."""
    entry = doc.objects[key]
    d = dict(value_of(entry))
    change(d)
    return {key: {'stream': {'dict': d}} if 'stream' in entry else {'value': d}}

SPOILERS = {
    'info': lambda doc: changed(doc, 'obj:' + doc.trailer['/Info'], lambda d: d.update({'/Trapped': '/Unknown'})),
    'intent': lambda doc: changed(doc, 'obj:' + doc.trailer['/Root'], lambda d: d.pop('/OutputIntents')),
    'boxes': lambda doc: changed(doc, page_one(doc), lambda d: d.pop('/TrimBox')),
    'transparency': lambda doc: changed(doc, page_one(doc),
                                        lambda d: d.update({'/Group': {'/S': '/Transparency'}})),
    'colour': lambda doc: changed(doc, first(doc, lambda e: value_of(e).get('/Subtype') == '/Image'),
                                  lambda d: d.update({'/ColorSpace': '/DeviceRGB'})),
    'fonts': lambda doc: changed(doc, first(doc, lambda e: '/FontFile3' in value_of(e) or '/FontFile2' in value_of(e)),
                                 lambda d: [d.pop(k, None) for k in ('/FontFile', '/FontFile2', '/FontFile3')]),
}

def spoil(name, pdf, out):
    if name == 'header':
        args = ['--force-version=1.5']
    elif name == 'id':
        args = ['--encrypt', '', 'owner', '256', '--']
    else:
        doc = Doc(pdf)
        update = {'qpdf': [{'jsonversion': 2, 'pdfversion': doc.header['pdfversion']}, SPOILERS[name](doc)]}
        path = out + '.json'
        json.dump(update, open(path, 'w'))
        args = ['--update-from-json=' + path]
    subprocess.run(['qpdf', pdf, out] + args, check=True)

def main():
    if sys.argv[1] == '--spoil':
        spoil(sys.argv[2], sys.argv[3], sys.argv[4])
        return
    doc = Doc(sys.argv[1])
    for name, check in CHECKS:
        problem = check(doc)
        print('FAIL %s: %s' % (name, problem) if problem else 'ok ' + name)

main()
