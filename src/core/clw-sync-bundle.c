/* clw-sync-bundle.c: one file carrying a copy's changes to another copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout (docs/sync-format.md), all integers little-endian:
 *
 *   "CLWSYNC\0"                 8 bytes
 *   format version              u32 (1)
 *   number of sections          u32
 *   sections, each:             type (4 ASCII bytes), u32 0, u64 length, payload
 *     "MNFT" the manifest, a GVariant a{sv} in normal form (first)
 *     "CSET" the changeset of SQLite's session extension (second)
 *     "FILE" 32 bytes of SHA-256, then the evidence file (any number)
 *   SHA-256 of every byte above  32 bytes
 *
 * Reading checks the magic, the version and the checksum before anything
 * else, then that the sections are where they say they are, that the
 * manifest is well-formed, and that the changeset and each file match the
 * SHA-256 the manifest gives them.
 */

#define G_LOG_DOMAIN "clw-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clw-sync-private.h"
#include "clw-enums.h"
#include "clw-error.h"
#include "clw-evidence.h"
#include "clw-files.h"

#define MAGIC "CLWSYNC\0"
#define MAGIC_SIZE 8
#define HEADER_SIZE 16
#define SECTION_HEADER_SIZE 16
#define CHECKSUM_SIZE 32

struct _ClwSyncBundle
{
  GObject     parent_instance;

  GBytes     *bytes;       /* the whole file */
  GVariant   *manifest;
  GBytes     *changeset;   /* a slice of bytes */
  GHashTable *files;       /* sha256 -> GBytes slice */

  /* From the manifest. */
  const char *id;
  const char *from_id;
  const char *from_name;
  const char *to_id;
  const char *author;
  const char *made_at;
  const char *scope_id;
  ClwScope    scope;
  guint64     seq;
  guint       n_changes;
};

G_DEFINE_FINAL_TYPE (ClwSyncBundle, clw_sync_bundle, G_TYPE_OBJECT)

static void
clw_sync_bundle_finalize (GObject *object)
{
  ClwSyncBundle *self = (ClwSyncBundle *) object;

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->manifest, g_variant_unref);
  g_clear_pointer (&self->changeset, g_bytes_unref);
  g_clear_pointer (&self->files, g_hash_table_unref);

  G_OBJECT_CLASS (clw_sync_bundle_parent_class)->finalize (object);
}

static void
clw_sync_bundle_class_init (ClwSyncBundleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_sync_bundle_finalize;
}

static void
clw_sync_bundle_init (ClwSyncBundle *self)
{
  self->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_bytes_unref);
}

/* Reading ---------------------------------------------------------------------- */

static guint32
read_u32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static guint64
read_u64 (const guint8 *p)
{
  return (guint64) read_u32 (p) | ((guint64) read_u32 (p + 4) << 32);
}

static gboolean
damaged (GError     **error,
         const char  *filename,
         const char  *detail)
{
  g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_DAMAGED,
               _("“%s” is not a complete sync bundle (%s): it may have been cut short or "
                 "changed on the way. Ask for it again. Nothing was changed."),
               filename, detail);
  return FALSE;
}

static gboolean
lookup_string (GVariant    *manifest,
               const char  *key,
               const char **value)
{
  return g_variant_lookup (manifest, key, "&s", value);
}

/* The keys every manifest of format 1 has, with their types. */
static const struct {
  const char *key;
  const char *type;
} manifest_keys[] = {
  { "bundle-id", "s" },
  { "from", "s" },
  { "from-name", "s" },
  { "to", "s" },
  { "lineage", "s" },
  { "seq", "t" },
  { "made-at", "s" },
  { "author", "s" },
  { "app-version", "s" },
  { "schema-version", "i" },
  { "scope", "s" },
  { "scope-id", "s" },
  { "acks-seq", "t" },
  { "acks-bundle", "s" },
  { "confirmed-seq", "t" },
  { "rejected", "a(sss)" },
  { "settled", "a(ssss)" },
  { "changes", "u" },
  { "changeset-size", "t" },
  { "changeset-sha256", "s" },
  { "files", "a(st)" },
};

static gboolean
read_manifest (ClwSyncBundle  *self,
               GBytes         *payload,
               const char     *filename,
               GError        **error)
{
  g_autoptr(GBytes) aligned = NULL;
  g_autoptr(GVariant) manifest = NULL;
  const char *scope;

  /* A copy, so that the data is aligned as GVariant wants it. */
  aligned = g_bytes_new (g_bytes_get_data (payload, NULL), g_bytes_get_size (payload));
  manifest = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE_VARDICT, aligned, FALSE));
  if (!g_variant_is_normal_form (manifest))
    return damaged (error, filename, _("the manifest is malformed"));

  for (guint i = 0; i < G_N_ELEMENTS (manifest_keys); i++)
    {
      g_autoptr(GVariant) value = g_variant_lookup_value (manifest, manifest_keys[i].key,
                                                          G_VARIANT_TYPE (manifest_keys[i].type));
      if (value == NULL)
        {
          g_autofree char *detail = g_strdup_printf (_("the manifest has no “%s”"),
                                                     manifest_keys[i].key);
          return damaged (error, filename, detail);
        }
    }

  self->manifest = g_steal_pointer (&manifest);
  lookup_string (self->manifest, "bundle-id", &self->id);
  lookup_string (self->manifest, "from", &self->from_id);
  lookup_string (self->manifest, "from-name", &self->from_name);
  lookup_string (self->manifest, "to", &self->to_id);
  lookup_string (self->manifest, "author", &self->author);
  lookup_string (self->manifest, "made-at", &self->made_at);
  lookup_string (self->manifest, "scope-id", &self->scope_id);
  lookup_string (self->manifest, "scope", &scope);
  g_variant_lookup (self->manifest, "seq", "t", &self->seq);
  g_variant_lookup (self->manifest, "changes", "u", &self->n_changes);

  if (!clw_is_uuid (self->id) || !clw_is_uuid (self->from_id) || !clw_is_uuid (self->to_id))
    return damaged (error, filename, _("an id in the manifest is not a UUID"));

  if (g_str_equal (scope, "all") && *self->scope_id == '\0')
    self->scope = CLW_SCOPE_ALL;
  else if (g_str_equal (scope, "cluster") && clw_is_uuid (self->scope_id))
    self->scope = CLW_SCOPE_CLUSTER;
  else
    return damaged (error, filename, _("the manifest names no valid scope"));

  if (self->seq == 0)
    return damaged (error, filename, _("the bundle has no number"));

  return TRUE;
}

static gboolean
check_contents (ClwSyncBundle  *self,
                const char     *filename,
                GError        **error)
{
  g_autoptr(GVariantIter) iter = NULL;
  const char *expected;
  guint64 size;
  g_autofree char *actual = NULL;
  const char *sha256;
  guint n_listed = 0;

  g_variant_lookup (self->manifest, "changeset-size", "t", &size);
  g_variant_lookup (self->manifest, "changeset-sha256", "&s", &expected);
  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, self->changeset);
  if (size != g_bytes_get_size (self->changeset) || !g_str_equal (actual, expected))
    return damaged (error, filename, _("the changes do not match the manifest"));

  g_variant_lookup (self->manifest, "files", "a(st)", &iter);
  while (g_variant_iter_next (iter, "(&st)", &sha256, &size))
    {
      GBytes *content = g_hash_table_lookup (self->files, sha256);

      n_listed++;
      if (content == NULL)
        {
          g_autofree char *detail = g_strdup_printf (_("the evidence file %s is missing"), sha256);
          return damaged (error, filename, detail);
        }
      if (g_bytes_get_size (content) != size)
        {
          g_autofree char *detail = g_strdup_printf (_("the evidence file %s has the wrong size"),
                                                     sha256);
          return damaged (error, filename, detail);
        }
    }

  if (n_listed != g_hash_table_size (self->files))
    return damaged (error, filename, _("it carries files its manifest does not list"));

  return TRUE;
}

ClwSyncBundle *
clw_sync_bundle_new_from_bytes (GBytes      *bytes,
                                const char  *filename,
                                GError     **error)
{
  g_autoptr(ClwSyncBundle) self = NULL;
  g_autofree char *checksum = NULL;
  const guint8 *data;
  gsize size;
  gsize offset;
  gsize end;
  guint32 version;
  guint32 n_sections;
  g_autoptr(GChecksum) sum = NULL;
  guint8 digest[CHECKSUM_SIZE];
  gsize digest_len = sizeof digest;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (filename == NULL)
    filename = _("the bundle");

  data = g_bytes_get_data (bytes, &size);

  if (size < MAGIC_SIZE || memcmp (data, MAGIC, MAGIC_SIZE) != 0)
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_DAMAGED,
                   _("“%s” is not a Clwstwr sync bundle. Nothing was changed."), filename);
      return NULL;
    }

  if (size < HEADER_SIZE + CHECKSUM_SIZE)
    {
      damaged (error, filename, _("it is too short"));
      return NULL;
    }

  version = read_u32 (data + 8);
  if (version != CLW_SYNC_FORMAT_VERSION)
    {
      g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_VERSION,
                   _("“%s” was made by a version of Clwstwr that writes sync bundles of format %u; "
                     "this version reads format %u. Update Clwstwr. Nothing was changed."),
                   filename, version, CLW_SYNC_FORMAT_VERSION);
      return NULL;
    }

  /* The checksum first: nothing is read from a file that is not whole. */
  end = size - CHECKSUM_SIZE;
  sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (sum, data, end);
  g_checksum_get_digest (sum, digest, &digest_len);
  if (memcmp (digest, data + end, CHECKSUM_SIZE) != 0)
    {
      damaged (error, filename, _("its checksum does not match"));
      return NULL;
    }

  self = g_object_new (CLW_TYPE_SYNC_BUNDLE, NULL);
  self->bytes = g_bytes_ref (bytes);

  n_sections = read_u32 (data + 12);
  offset = HEADER_SIZE;
  for (guint32 i = 0; i < n_sections; i++)
    {
      char type[5] = { 0 };
      guint64 length;
      g_autoptr(GBytes) payload = NULL;

      if (end - offset < SECTION_HEADER_SIZE)
        {
          damaged (error, filename, _("a section is cut short"));
          return NULL;
        }
      memcpy (type, data + offset, 4);
      length = read_u64 (data + offset + 8);
      offset += SECTION_HEADER_SIZE;
      if (length > end - offset)
        {
          damaged (error, filename, _("a section is cut short"));
          return NULL;
        }
      payload = g_bytes_new_from_bytes (bytes, offset, length);
      offset += length;

      if (i == 0)
        {
          if (!g_str_equal (type, "MNFT"))
            {
              damaged (error, filename, _("it does not start with a manifest"));
              return NULL;
            }
          if (!read_manifest (self, payload, filename, error))
            return NULL;
        }
      else if (i == 1)
        {
          if (!g_str_equal (type, "CSET"))
            {
              damaged (error, filename, _("the changes are missing"));
              return NULL;
            }
          self->changeset = g_steal_pointer (&payload);
        }
      else if (g_str_equal (type, "FILE"))
        {
          g_autofree char *declared = NULL;
          g_autofree char *actual = NULL;
          const guint8 *p;
          gsize n;

          p = g_bytes_get_data (payload, &n);
          if (n < CHECKSUM_SIZE)
            {
              damaged (error, filename, _("an evidence file is cut short"));
              return NULL;
            }
          declared = g_malloc (2 * CHECKSUM_SIZE + 1);
          for (guint k = 0; k < CHECKSUM_SIZE; k++)
            g_snprintf (declared + 2 * k, 3, "%02x", p[k]);

          {
            g_autoptr(GBytes) content = g_bytes_new_from_bytes (payload, CHECKSUM_SIZE,
                                                                n - CHECKSUM_SIZE);
            actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
            if (!g_str_equal (actual, declared))
              {
                g_set_error (error, CLW_SYNC_ERROR, CLW_SYNC_ERROR_DAMAGED,
                             _("The evidence file %s in “%s” does not match its SHA-256 "
                               "(its content hashes to %s): it was changed or damaged on the way. "
                               "Ask for the bundle again. Nothing was changed."),
                             declared, filename, actual);
                return NULL;
              }
            if (g_hash_table_contains (self->files, declared))
              {
                damaged (error, filename, _("an evidence file is there twice"));
                return NULL;
              }
            g_hash_table_insert (self->files, g_steal_pointer (&declared), g_steal_pointer (&content));
          }
        }
      else
        {
          g_autofree char *escaped = g_strescape (type, NULL);
          g_autofree char *detail = g_strdup_printf (_("it has a section of unknown type “%s”"),
                                                     escaped);
          damaged (error, filename, detail);
          return NULL;
        }
    }

  if (offset != end)
    {
      damaged (error, filename, _("it has bytes after its last section"));
      return NULL;
    }

  if (self->manifest == NULL || self->changeset == NULL)
    {
      damaged (error, filename, _("the manifest or the changes are missing"));
      return NULL;
    }

  if (!check_contents (self, filename, error))
    return NULL;

  return g_steal_pointer (&self);
}

ClwSyncBundle *
clw_sync_bundle_load (const char  *path,
                      GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = clw_files_read_limited (path, CLW_SYNC_MAX_BUNDLE_SIZE, error);
  if (bytes == NULL)
    return NULL;

  return clw_sync_bundle_new_from_bytes (bytes, path, error);
}

/* Writing -------------------------------------------------------------------- */

static void
append_u32 (GByteArray *array,
            guint32     value)
{
  guint8 b[4] = { value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, (value >> 24) & 0xff };

  g_byte_array_append (array, b, 4);
}

static void
append_u64 (GByteArray *array,
            guint64     value)
{
  append_u32 (array, value & 0xffffffffu);
  append_u32 (array, value >> 32);
}

static void
append_section (GByteArray   *array,
                const char   *type,
                const guint8 *prefix,
                gsize         prefix_length,
                const guint8 *data,
                gsize         length)
{
  g_byte_array_append (array, (const guint8 *) type, 4);
  append_u32 (array, 0);
  append_u64 (array, prefix_length + length);
  if (prefix_length > 0)
    g_byte_array_append (array, prefix, prefix_length);
  if (length > 0)
    g_byte_array_append (array, data, length);
}

GBytes *
_clw_sync_bundle_serialize (GVariant  *manifest,
                            GBytes    *changeset,
                            GPtrArray *hashes,
                            GPtrArray *contents)
{
  g_autoptr(GByteArray) array = g_byte_array_new ();
  g_autoptr(GVariant) normal = g_variant_get_normal_form (manifest);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[CHECKSUM_SIZE];
  gsize digest_len = sizeof digest;
  gsize length;
  const guint8 *data;

  g_return_val_if_fail (hashes->len == contents->len, NULL);

  g_byte_array_append (array, (const guint8 *) MAGIC, MAGIC_SIZE);
  append_u32 (array, CLW_SYNC_FORMAT_VERSION);
  append_u32 (array, 2 + hashes->len);

  append_section (array, "MNFT", NULL, 0, g_variant_get_data (normal), g_variant_get_size (normal));
  data = g_bytes_get_data (changeset, &length);
  append_section (array, "CSET", NULL, 0, data, length);

  for (guint i = 0; i < hashes->len; i++)
    {
      const char *hex = g_ptr_array_index (hashes, i);
      guint8 raw[CHECKSUM_SIZE];

      for (guint k = 0; k < CHECKSUM_SIZE; k++)
        raw[k] = (g_ascii_xdigit_value (hex[2 * k]) << 4) | g_ascii_xdigit_value (hex[2 * k + 1]);
      data = g_bytes_get_data (g_ptr_array_index (contents, i), &length);
      append_section (array, "FILE", raw, sizeof raw, data, length);
    }

  g_checksum_update (sum, array->data, array->len);
  g_checksum_get_digest (sum, digest, &digest_len);
  g_byte_array_append (array, digest, sizeof digest);

  return g_byte_array_free_to_bytes (g_steal_pointer (&array));
}

/* Accessors ------------------------------------------------------------------- */

GVariant *
_clw_sync_bundle_get_manifest (ClwSyncBundle *self)
{
  return self->manifest;
}

GBytes *
_clw_sync_bundle_get_changeset (ClwSyncBundle *self)
{
  return self->changeset;
}

GHashTable *
_clw_sync_bundle_get_files (ClwSyncBundle *self)
{
  return self->files;
}

const char *
clw_sync_bundle_get_id (ClwSyncBundle *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_BUNDLE (self), NULL);
  return self->id;
}

const char *
clw_sync_bundle_get_from_id (ClwSyncBundle *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_BUNDLE (self), NULL);
  return self->from_id;
}

const char *
clw_sync_bundle_get_from_name (ClwSyncBundle *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_BUNDLE (self), NULL);
  return self->from_name;
}

const char *
clw_sync_bundle_get_to_id (ClwSyncBundle *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_BUNDLE (self), NULL);
  return self->to_id;
}

guint64
clw_sync_bundle_get_seq (ClwSyncBundle *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_BUNDLE (self), 0);
  return self->seq;
}

const char *
clw_sync_bundle_get_author (ClwSyncBundle *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_BUNDLE (self), NULL);
  return self->author;
}

const char *
clw_sync_bundle_get_made_at (ClwSyncBundle *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_BUNDLE (self), NULL);
  return self->made_at;
}

ClwScope
clw_sync_bundle_get_scope (ClwSyncBundle *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_BUNDLE (self), CLW_SCOPE_ALL);
  return self->scope;
}

const char *
clw_sync_bundle_get_scope_id (ClwSyncBundle *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_BUNDLE (self), NULL);
  return self->scope == CLW_SCOPE_CLUSTER ? self->scope_id : NULL;
}

guint
clw_sync_bundle_get_n_changes (ClwSyncBundle *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_BUNDLE (self), 0);
  return self->n_changes;
}

guint
clw_sync_bundle_get_n_files (ClwSyncBundle *self)
{
  g_return_val_if_fail (CLW_IS_SYNC_BUNDLE (self), 0);
  return g_hash_table_size (self->files);
}
