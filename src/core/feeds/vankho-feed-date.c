/* vankho-feed-date.c
 *
 * Copyright 2026 The Văn Khố developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vankho-feed-date.h"

/* Feeds in the wild write dates in every way imaginable. Two parsers:
 * a strict-ish ISO 8601 / W3CDTF one (Atom, dc:date), and a tolerant
 * token-based one for RFC 822 and its mutations, asctime, and the
 * 'dd/mm/yyyy hh:mm' that Vietnamese sites print. The conventions follow
 * the Universal Feed Parser, which is what feed authors test against:
 * no zone means UTC, two-digit years below 90 are 20xx.
 */

#define VN_OFFSET_MINUTES (7 * 60)

typedef struct
{
  const char *name;
  int         minutes;
} ZoneName;

static const ZoneName zone_names[] = {
  { "ut", 0 }, { "utc", 0 }, { "gmt", 0 }, { "z", 0 }, { "wet", 0 },
  { "bst", 60 }, { "cet", 60 }, { "met", 60 }, { "cest", 120 },
  { "mest", 120 }, { "eet", 120 }, { "eest", 180 }, { "msk", 180 },
  { "ist", 330 }, { "ict", 420 }, { "wib", 420 }, { "hkt", 480 },
  { "sgt", 480 }, { "awst", 480 }, { "pht", 480 }, { "jst", 540 },
  { "kst", 540 }, { "aest", 600 }, { "aedt", 660 }, { "nzst", 720 },
  { "adt", -180 }, { "ast", -240 }, { "at", -240 }, { "edt", -240 },
  { "est", -300 }, { "et", -300 }, { "cdt", -300 }, { "cst", -360 },
  { "ct", -360 }, { "mdt", -360 }, { "mst", -420 }, { "mt", -420 },
  { "pdt", -420 }, { "pst", -480 }, { "pt", -480 }, { "akst", -540 },
  { "akdt", -480 }, { "hst", -600 },
};

static const char * const month_names[] = {
  "jan", "feb", "mar", "apr", "may", "jun",
  "jul", "aug", "sep", "oct", "nov", "dec",
};

static const char * const weekday_names[] = {
  "mon", "tue", "wed", "thu", "fri", "sat", "sun",
};

static GDateTime *
make_utc (int    year,
          int    month,
          int    day,
          int    hour,
          int    minute,
          double seconds,
          int    offset_minutes)
{
  g_autoptr(GDateTime) as_utc = NULL;

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      day > g_date_get_days_in_month (month, year) ||
      hour < 0 || hour > 24 || minute < 0 || minute > 59 ||
      seconds < 0 || seconds >= 61 ||
      offset_minutes < -18 * 60 || offset_minutes > 18 * 60)
    return NULL;

  /* 24:00 is the end of the day (ISO 8601); a leap second is clamped. */
  if (hour == 24 && (minute > 0 || seconds > 0))
    return NULL;
  if (seconds >= 60)
    seconds = 59.999999;

  /* The wall time read as UTC, then moved by the offset: a GTimeZone
   * made for each date's offset was most of reading a date. */
  as_utc = g_date_time_new_utc (year, month, day, hour == 24 ? 0 : hour, minute, seconds);
  if (as_utc == NULL)
    return NULL;

  return g_date_time_add_minutes (as_utc, (hour == 24 ? 24 * 60 : 0) - offset_minutes);
}

static int
read_digits (const char **p,
             int          max_digits,
             int         *n_digits)
{
  int value = 0;
  int n = 0;

  while (n < max_digits && g_ascii_isdigit (**p))
    {
      value = value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  *n_digits = n;
  return value;
}

/* '+07:00', '-0500', '+07', 'Z' */
static gboolean
parse_numeric_offset (const char **p,
                      int         *minutes)
{
  const char *s = *p;
  int sign, hh, mm = 0, n;

  if (*s == 'Z' || *s == 'z')
    {
      *minutes = 0;
      *p = s + 1;
      return TRUE;
    }
  if (*s != '+' && *s != '-' && strncmp (s, "\xe2\x88\x92", 3) != 0)
    return FALSE;
  sign = (*s == '+') ? 1 : -1;
  s += (*s == '+' || *s == '-') ? 1 : 3;

  hh = read_digits (&s, 2, &n);
  if (n == 0)
    return FALSE;
  if (n == 1)
    {
      /* '+7' as in 'GMT+7' */
    }
  else if (*s == ':')
    {
      s++;
      mm = read_digits (&s, 2, &n);
      if (n != 2)
        return FALSE;
    }
  else if (g_ascii_isdigit (*s))
    {
      mm = read_digits (&s, 2, &n);
      if (n != 2)
        return FALSE;
    }
  if (hh > 18 || mm > 59)
    return FALSE;

  *minutes = sign * (hh * 60 + mm);
  *p = s;
  return TRUE;
}

/* ISO 8601 and W3CDTF: '2023-08-31', '2023-08-31T08:00:00.123+07:00',
 * '2023-08', '2023', '20230831T080000Z', '2023-08-31 08:00:00'.
 */
static GDateTime *
parse_iso8601 (const char *s)
{
  int year, month = 1, day = 1, hour = 0, minute = 0, offset = 0, n;
  double seconds = 0;
  gboolean compact;

  year = read_digits (&s, 4, &n);
  if (n != 4)
    return NULL;

  compact = g_ascii_isdigit (*s);
  if (*s == '-' || compact)
    {
      if (!compact)
        s++;
      month = read_digits (&s, 2, &n);
      if (n != 2)
        return NULL;
      if (compact || *s == '-')
        {
          if (!compact)
            s++;
          day = read_digits (&s, 2, &n);
          if (n != 2)
            return NULL;
        }
    }

  if (*s == 'T' || *s == 't' || (*s == ' ' && g_ascii_isdigit (s[1])))
    {
      s++;
      hour = read_digits (&s, 2, &n);
      if (n != 2)
        return NULL;
      if (*s == ':')
        s++;
      minute = read_digits (&s, 2, &n);
      if (n != 2)
        return NULL;
      if (*s == ':' || g_ascii_isdigit (*s))
        {
          int sec;

          if (*s == ':')
            s++;
          sec = read_digits (&s, 2, &n);
          if (n != 2)
            return NULL;
          seconds = sec;
          if (*s == '.' || *s == ',')
            {
              double scale = 0.1;

              for (s++; g_ascii_isdigit (*s); s++, scale /= 10)
                seconds += (*s - '0') * scale;
            }
        }
      while (*s == ' ')
        s++;
      if (*s != '\0' && !parse_numeric_offset (&s, &offset))
        {
          /* 'GMT', 'UTC' after an ISO time */
          if (g_ascii_strncasecmp (s, "utc", 3) == 0)
            s += 3;
          else if (g_ascii_strncasecmp (s, "gmt", 3) == 0)
            s += 3;
          else
            return NULL;
        }
    }
  else if (*s == 'Z' || *s == 'z')
    s++;

  while (g_ascii_isspace (*s))
    s++;
  if (*s != '\0')
    return NULL;

  return make_utc (year, month, day, hour, minute, seconds, offset);
}

typedef struct
{
  int    numbers[4];
  int    number_digits[4];
  guint  n_numbers;
  int    month;          /* from a month name, 0 when none */
  int    hour, minute;
  double seconds;
  gboolean have_time;
  gboolean have_zone;
  gboolean numeric_zone;  /* '+0700': a zone's name after it says no more */
  gboolean pm, am;
  int    zone;           /* minutes east of UTC */
  int    dmy[3];         /* from 'dd/mm/yyyy' */
  gboolean have_dmy;
} Tokens;

static gboolean
lookup_zone (const char *word,
             int        *minutes)
{
  if (word[1] == '\0' && g_ascii_isalpha (word[0]) && word[0] != 'j')
    {
      /* Military zones, with RFC 822's signs as feedparser reads them. */
      char c = word[0];

      if (c == 'z')
        *minutes = 0;
      else if (c >= 'a' && c <= 'i')
        *minutes = -(c - 'a' + 1) * 60;
      else if (c >= 'k' && c <= 'm')
        *minutes = -(c - 'k' + 10) * 60;
      else if (c >= 'n' && c <= 'y')
        *minutes = (c - 'n' + 1) * 60;
      else
        return FALSE;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (zone_names); i++)
    if (strcmp (word, zone_names[i].name) == 0)
      {
        *minutes = zone_names[i].minutes;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_time_token (const char **p,
                  Tokens      *t)
{
  const char *s = *p;
  int n;

  t->hour = read_digits (&s, 2, &n);
  if (n == 0 || (*s != ':' && *s != 'h' && *s != 'H'))
    return FALSE;
  s++;
  t->minute = read_digits (&s, 2, &n);
  if (n != 2)
    {
      if (n != 0)
        return FALSE;
      t->minute = 0;   /* '8h' */
    }
  t->seconds = 0;
  if (*s == ':')
    {
      s++;
      t->seconds = read_digits (&s, 2, &n);
      if (n != 2)
        return FALSE;
      if (*s == '.' || *s == ',')
        {
          double scale = 0.1;

          for (s++; g_ascii_isdigit (*s); s++, scale /= 10)
            t->seconds += (*s - '0') * scale;
        }
    }
  t->have_time = TRUE;
  *p = s;
  return TRUE;
}

/* dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy (and yyyy/mm/dd) */
static gboolean
parse_dmy_token (const char **p,
                 Tokens      *t)
{
  const char *s = *p;
  int a, b, c, na, nb, nc;
  char sep;

  a = read_digits (&s, 4, &na);
  if (na == 0 || (*s != '/' && *s != '-' && *s != '.'))
    return FALSE;
  sep = *s++;
  b = read_digits (&s, 2, &nb);
  if (nb == 0 || *s != sep)
    return FALSE;
  s++;
  c = read_digits (&s, 4, &nc);
  if (nc == 0)
    return FALSE;

  if (na == 4)
    {
      t->dmy[0] = c; t->dmy[1] = b; t->dmy[2] = a;
    }
  else if (nc == 4 || nc == 2)
    {
      t->dmy[0] = a; t->dmy[1] = b;
      t->dmy[2] = nc == 2 ? c + (c < 90 ? 2000 : 1900) : c;
    }
  else
    return FALSE;

  t->have_dmy = TRUE;
  *p = s;
  return TRUE;
}

static GDateTime *
parse_loose (const char *text)
{
  Tokens t = { 0 };
  const char *s = text;
  int year = -1, day = -1, month;
  guint n_ignored = 0;

  while (*s)
    {
      if (g_ascii_isdigit (*s))
        {
          const char *start = s;
          int value, n;

          if (!t.have_time && parse_time_token (&s, &t))
            continue;
          s = start;
          if (!t.have_dmy && t.n_numbers == 0 && parse_dmy_token (&s, &t))
            continue;
          s = start;
          value = read_digits (&s, 4, &n);
          if (g_ascii_isdigit (*s) || t.n_numbers == G_N_ELEMENTS (t.numbers))
            return NULL;
          t.numbers[t.n_numbers] = value;
          t.number_digits[t.n_numbers++] = n;
          continue;
        }

      if ((*s == '+' || *s == '-') && g_ascii_isdigit (s[1]) &&
          (t.have_time || t.have_zone || (*s == '+' && (t.have_dmy || t.n_numbers > 0))))
        {
          int offset;

          if (!parse_numeric_offset (&s, &offset))
            return NULL;
          /* 'GMT+7' adds to the GMT that came before it */
          t.zone = offset;
          t.have_zone = TRUE;
          t.numeric_zone = TRUE;
          continue;
        }

      if (g_ascii_isalpha (*s) || (guchar) *s >= 0x80)
        {
          char word[16];
          gsize n = 0;
          gboolean ascii = TRUE;
          int zone;

          while (g_ascii_isalpha (*s) || *s == '.' || (guchar) *s >= 0x80)
            {
              if ((guchar) *s >= 0x80)
                ascii = FALSE;
              if (*s != '.' && n < sizeof word - 1)
                word[n++] = g_ascii_tolower (*s);
              s++;
            }
          word[n] = '\0';

          /* Vietnamese words ('Thứ năm,', 'lúc', '(giờ Hà Nội)') and
           * other chatter around the date carry nothing we need. */
          if (!ascii || n == 0)
            {
              if (++n_ignored > 8)
                return NULL;
              continue;
            }
          /* 'T2, 05/02/2024 10:30': a weekday (Thứ Hai), not military T. */
          if (n == 1 && word[0] == 't' && *s >= '2' && *s <= '7' && !g_ascii_isdigit (s[1]))
            {
              s++;
              continue;
            }
          if (strcmp (word, "am") == 0)
            {
              t.am = TRUE;
              continue;
            }
          if (strcmp (word, "pm") == 0)
            {
              t.pm = TRUE;
              continue;
            }
          if (n >= 3)
            {
              gboolean known = FALSE;

              for (guint i = 0; i < 12 && !known; i++)
                if (strncmp (word, month_names[i], 3) == 0)
                  {
                    if (t.month != 0)
                      return NULL;
                    t.month = i + 1;
                    known = TRUE;
                  }
              for (guint i = 0; i < 7 && !known; i++)
                if (strncmp (word, weekday_names[i], 3) == 0)
                  known = TRUE;
              if (known)
                continue;
            }
          if (lookup_zone (word, &zone))
            {
              /* 'Mon, 05 Feb 2024 10:30:00 +0700 GMT': the number counts. */
              if (!t.numeric_zone)
                t.zone = zone;
              t.have_zone = TRUE;
              continue;
            }
          if (++n_ignored > 8 || n > 12)
            return NULL;
          continue;
        }

      /* Any non-ASCII text (Vietnamese weekday names such as
       * 'Thứ năm,') and punctuation is a separator. */
      s++;
    }

  if (t.have_dmy)
    {
      if (t.n_numbers > 0)
        return NULL;
      day = t.dmy[0];
      month = t.dmy[1];
      year = t.dmy[2];
      if (!t.have_zone)
        t.zone = VN_OFFSET_MINUTES;
    }
  else
    {
      month = t.month;
      if (month == 0 || t.n_numbers < 1 || t.n_numbers > 2)
        return NULL;
      if (t.n_numbers == 1)
        return NULL;
      /* '31 Aug 2023', 'Aug 31 2023', '2023 Aug 31' */
      if (t.number_digits[0] >= 3 || t.numbers[0] > 31)
        {
          year = t.numbers[0];
          day = t.numbers[1];
        }
      else
        {
          day = t.numbers[0];
          year = t.numbers[1];
          if (t.number_digits[1] <= 2)
            year += year < 90 ? 2000 : 1900;
        }
    }

  if (t.have_time)
    {
      if (t.pm && t.hour < 12)
        t.hour += 12;
      else if (t.am && t.hour == 12)
        t.hour = 0;
    }
  else
    {
      t.hour = 0;
      t.minute = 0;
      t.seconds = 0;
    }

  return make_utc (year, month, day, t.hour, t.minute, t.seconds, t.zone);
}

/**
 * vankho_feed_date_parse:
 * @text: (nullable): a date as a feed writes it
 *
 * Parses RFC 822 dates and their real-world variants (no weekday,
 * two-digit years, named and military zones, '+0700', 'GMT+7', no zone),
 * ISO 8601 / W3CDTF (date only, fractional seconds), asctime, and
 * 'dd/mm/yyyy hh:mm' as printed by Vietnamese sites (UTC+7 when no zone
 * is given; other forms without a zone are taken as UTC).
 *
 * Returns: (transfer full) (nullable): the instant in UTC, or %NULL
 */
GDateTime *
vankho_feed_date_parse (const char *text)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (text));
  if (trimmed[0] == '\0' || strlen (trimmed) > 200)
    return NULL;

  if (g_ascii_isdigit (trimmed[0]) && g_ascii_isdigit (trimmed[1]) &&
      g_ascii_isdigit (trimmed[2]) && g_ascii_isdigit (trimmed[3]) &&
      trimmed[4] != '/' && trimmed[4] != '.')
    {
      GDateTime *dt = parse_iso8601 (trimmed);

      if (dt != NULL)
        return dt;
    }

  return parse_loose (trimmed);
}
