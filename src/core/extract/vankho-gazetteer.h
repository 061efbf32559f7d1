/* vankho-gazetteer.h
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A provincial unit of 2008–30/6/2025, keyed by its ISO 3166-2 code. */
typedef struct
{
  const char *code;       /* "VN-30" */
  const char *name;       /* "Gia Lai" */
  const char *kind;       /* "tinh" or "tp" */
  const char *english;
  const char *capital;
  const char *region;
  const char *unit2025;   /* id of its unit from 1/7/2025 */
  double      lat;
  double      lon;
  gboolean    bare;       /* the name alone is evidence */
} VankhoProvince;

/* A provincial unit from 1/7/2025 and the 63-era provinces it is made of. */
typedef struct
{
  const char         *id;       /* the ISO code of the member whose name it keeps */
  const char         *name;
  const char         *kind;
  const char * const *members;  /* NULL-terminated codes */
} VankhoUnit;

/* A district-level unit before 1/7/2025. */
typedef struct
{
  guint       province;   /* index of its province */
  const char *type;       /* "Huyện", "Quận", "Thị xã", "Thành phố" */
  const char *name;
} VankhoDistrict;

/* One way to write a place: a province's name or alias, or a district. */
typedef struct
{
  char     *phrase;       /* folded words */
  char     *spelling;     /* as in the data, to tell 'Phù Yên' from 'Phú Yên' */
  guint     province;
  int       district;     /* index, or -1 for a province name */
  gboolean  bare;
} VankhoGazetteerName;

#define VANKHO_TYPE_GAZETTEER (vankho_gazetteer_get_type ())

G_DECLARE_FINAL_TYPE (VankhoGazetteer, vankho_gazetteer, VANKHO, GAZETTEER, GObject)

VankhoGazetteer      *vankho_gazetteer_new_from_resource (GError          **error);
VankhoGazetteer      *vankho_gazetteer_new_from_data     (GBytes           *provinces_63,
                                                          GBytes           *provinces_34,
                                                          GBytes           *districts,
                                                          GBytes           *outlets,
                                                          GError          **error);

const char           *vankho_gazetteer_lookup_code       (VankhoGazetteer  *self,
                                                          const char       *code);
const VankhoProvince *vankho_gazetteer_get_province      (VankhoGazetteer  *self,
                                                          const char       *code);
int                   vankho_gazetteer_province_index    (VankhoGazetteer  *self,
                                                          const char       *code);
guint                 vankho_gazetteer_get_n_provinces   (VankhoGazetteer  *self);
const VankhoProvince *vankho_gazetteer_get_nth_province  (VankhoGazetteer  *self,
                                                          guint             index);
guint                 vankho_gazetteer_get_n_units       (VankhoGazetteer  *self);
const VankhoUnit     *vankho_gazetteer_get_nth_unit      (VankhoGazetteer  *self,
                                                          guint             index);
const VankhoUnit     *vankho_gazetteer_get_unit          (VankhoGazetteer  *self,
                                                          const char       *id);
const VankhoUnit     *vankho_gazetteer_unit_for_code     (VankhoGazetteer  *self,
                                                          const char       *code);
guint                 vankho_gazetteer_get_n_districts   (VankhoGazetteer  *self);
const VankhoDistrict *vankho_gazetteer_get_nth_district  (VankhoGazetteer  *self,
                                                          guint             index);

/* For the extractors. */
GPtrArray            *vankho_gazetteer_names_for_word    (VankhoGazetteer  *self,
                                                          const char       *word,
                                                          gsize             len);
const char           *vankho_gazetteer_lookup_abbr       (VankhoGazetteer  *self,
                                                          const char       *abbr,
                                                          gboolean         *national);
const char           *vankho_gazetteer_lookup_host       (VankhoGazetteer  *self,
                                                          const char       *host,
                                                          gboolean         *national);

G_END_DECLS
