/* clw-print-document.c: a printable document of sections, text and tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layout works line by line: every text is a PangoLayout whose lines are
 * measured once, so a paragraph, or a table cell, can stop at any line on
 * one page and go on at the next. Pagination places pieces (a range of
 * lines, a table row, a repeated header) on pages; drawing a page draws its
 * pieces. Text is measured at 72 dots per inch with hinting off, so that
 * the same layout draws the same on a PDF surface and on a printer's.
 */

#define G_LOG_DOMAIN "clw-print"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "clw-files.h"
#include "clw-print-document.h"

/* Page geometry, in points. */
#define MARGIN_X          50.0
#define MARGIN_TOP        36.0
#define MARGIN_BOTTOM     36.0
#define FURNITURE_GAP     12.0   /* between the header or footer and the text */
#define CELL_PAD_X         4.0
#define CELL_PAD_Y         3.5
#define PARAGRAPH_GAP      6.0
#define HEADING_GAP_ABOVE 10.0
#define HEADING_GAP_BELOW  5.0
#define SECTION_GAP       12.0
#define TABLE_GAP         10.0
#define CONTENTS_NUMBER_WIDTH 40.0
#define CONTENTS_GAP       7.0

#define FONT_FAMILY "Cantarell, DejaVu Sans"

typedef enum
{
  STYLE_BODY,
  STYLE_NOTE,
  STYLE_HEADING,
  STYLE_SECTION,
  STYLE_CELL,
  STYLE_CELL_HEADER,
  STYLE_CELL_GROUP,
  STYLE_COVER_TITLE,
  STYLE_COVER_LINE,
  STYLE_CONTENTS,
  STYLE_FURNITURE,
  N_STYLES
} Style;

typedef struct
{
  double size;
  PangoWeight weight;
  double r, g, b;
} StyleInfo;

static const StyleInfo styles[N_STYLES] = {
  [STYLE_BODY]        = { 10.0, PANGO_WEIGHT_NORMAL, 0.13, 0.13, 0.13 },
  [STYLE_NOTE]        = {  8.5, PANGO_WEIGHT_NORMAL, 0.36, 0.38, 0.40 },
  [STYLE_HEADING]     = { 12.5, PANGO_WEIGHT_BOLD,   0.09, 0.27, 0.49 },
  [STYLE_SECTION]     = { 19.0, PANGO_WEIGHT_BOLD,   0.09, 0.27, 0.49 },
  [STYLE_CELL]        = {  9.0, PANGO_WEIGHT_NORMAL, 0.13, 0.13, 0.13 },
  [STYLE_CELL_HEADER] = {  9.0, PANGO_WEIGHT_BOLD,   1.00, 1.00, 1.00 },
  [STYLE_CELL_GROUP]  = {  9.0, PANGO_WEIGHT_BOLD,   0.09, 0.27, 0.49 },
  [STYLE_COVER_TITLE] = { 30.0, PANGO_WEIGHT_BOLD,   0.09, 0.27, 0.49 },
  [STYLE_COVER_LINE]  = { 14.0, PANGO_WEIGHT_NORMAL, 0.13, 0.13, 0.13 },
  [STYLE_CONTENTS]    = { 12.0, PANGO_WEIGHT_NORMAL, 0.13, 0.13, 0.13 },
  [STYLE_FURNITURE]   = {  8.0, PANGO_WEIGHT_NORMAL, 0.36, 0.38, 0.40 },
};

/* Colours of rules and fills. */
#define BLUE        0.09, 0.27, 0.49
#define RULE        0.70, 0.74, 0.78
#define ALERT_FILL  0.99, 0.89, 0.89
#define GROUP_FILL  0.90, 0.93, 0.96
#define STRIPE_FILL 0.97, 0.97, 0.98

/* Text, measured ----------------------------------------------------------------- */

typedef struct
{
  double x;          /* from the left of the text's box (alignment) */
  double top;        /* from the top of the layout */
  double height;
  double baseline;   /* from the top of the layout */
} LineInfo;

typedef struct
{
  char           *markup;
  gboolean        plain;    /* @markup is plain text */
  Style           style;
  PangoAlignment  align;
  PangoLayout    *layout;
  GArray         *lines;    /* of LineInfo */
} Text;

static Text *
text_new (const char *markup,
          Style       style)
{
  Text *text = g_new0 (Text, 1);

  text->markup = g_strdup (markup != NULL ? markup : "");
  text->style = style;
  text->align = PANGO_ALIGN_LEFT;
  text->lines = g_array_new (FALSE, FALSE, sizeof (LineInfo));
  return text;
}

static Text *
text_new_plain (const char *plain,
                Style       style)
{
  Text *text = text_new (plain, style);

  text->plain = TRUE;
  return text;
}

static void
text_free (Text *text)
{
  if (text == NULL)
    return;
  g_free (text->markup);
  g_clear_object (&text->layout);
  g_array_unref (text->lines);
  g_free (text);
}

static PangoFontDescription *
style_font (Style style)
{
  PangoFontDescription *desc = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (desc, (int) (styles[style].size * PANGO_SCALE));
  pango_font_description_set_weight (desc, styles[style].weight);
  return desc;
}

static void
text_layout (Text         *text,
             PangoContext *context,
             double        width)
{
  PangoFontDescription *desc = style_font (text->style);
  PangoLayoutIter *iter;

  g_clear_object (&text->layout);
  text->layout = pango_layout_new (context);
  pango_layout_set_font_description (text->layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (text->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (text->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (text->layout, text->align);

  if (text->plain || !pango_parse_markup (text->markup, -1, 0, NULL, NULL, NULL, NULL))
    pango_layout_set_text (text->layout, text->markup, -1);
  else
    pango_layout_set_markup (text->layout, text->markup, -1);

  g_array_set_size (text->lines, 0);
  iter = pango_layout_get_iter (text->layout);
  do
    {
      PangoRectangle logical;
      LineInfo info;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      info.x = (double) logical.x / PANGO_SCALE;
      info.top = (double) logical.y / PANGO_SCALE;
      info.height = (double) logical.height / PANGO_SCALE;
      info.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      g_array_append_val (text->lines, info);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static guint
text_n_lines (const Text *text)
{
  return text->lines->len;
}

/* The height of lines [first, last). */
static double
text_range_height (const Text *text,
                   guint       first,
                   guint       last)
{
  const LineInfo *a, *b;

  if (last <= first)
    return 0.0;
  a = &g_array_index (text->lines, LineInfo, first);
  b = &g_array_index (text->lines, LineInfo, last - 1);
  return b->top + b->height - a->top;
}

static double
text_height (const Text *text)
{
  return text_range_height (text, 0, text_n_lines (text));
}

/* How many lines from @first fit in @available (at least none). */
static guint
text_lines_fitting (const Text *text,
                    guint       first,
                    double      available)
{
  guint last = first;

  while (last < text_n_lines (text) && text_range_height (text, first, last + 1) <= available)
    last++;
  return last;
}

static void
set_style_colour (cairo_t *cr,
                  Style    style)
{
  cairo_set_source_rgb (cr, styles[style].r, styles[style].g, styles[style].b);
}

/* Draw lines [first, last) with the top of the first at @y. */
static void
text_draw_range (const Text *text,
                 cairo_t    *cr,
                 double      x,
                 double      y,
                 guint       first,
                 guint       last)
{
  double offset;

  if (last <= first)
    return;

  offset = g_array_index (text->lines, LineInfo, first).top;
  set_style_colour (cr, text->style);
  for (guint i = first; i < last; i++)
    {
      const LineInfo *info = &g_array_index (text->lines, LineInfo, i);
      PangoLayoutLine *line = pango_layout_get_line_readonly (text->layout, (int) i);

      cairo_move_to (cr, x + info->x, y + info->baseline - offset);
      pango_cairo_show_layout_line (cr, line);
    }
}

static void
text_draw (const Text *text,
           cairo_t    *cr,
           double      x,
           double      y)
{
  text_draw_range (text, cr, x, y, 0, text_n_lines (text));
}

/* Blocks --------------------------------------------------------------------------- */

typedef enum
{
  BLOCK_COVER,
  BLOCK_CONTENTS,
  BLOCK_SECTION,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_TABLE,
} BlockKind;

typedef struct
{
  ClwPrintRowFlags  flags;
  GPtrArray        *cells;    /* of Text */
  double            height;   /* padding included */
} Row;

typedef struct
{
  BlockKind   kind;
  Text       *text;        /* cover title, section or contents title, heading, paragraph */
  GPtrArray  *texts;       /* cover lines; contents titles and page numbers, in pairs */
  guint       section;     /* cover, contents, section: its index in sections */
  guint       n_columns;
  double     *widths;      /* fractions of the width, summing to 1 */
  Row        *header;
  GPtrArray  *rows;        /* of Row */
} Block;

static void
row_free (Row *row)
{
  if (row == NULL)
    return;
  g_ptr_array_unref (row->cells);
  g_free (row);
}

static Row *
row_new (ClwPrintRowFlags    flags,
         guint               n,
         const char * const *cells,
         Style               style)
{
  Row *row = g_new0 (Row, 1);

  row->flags = flags;
  row->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) text_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (row->cells, text_new (cells != NULL && cells[i] != NULL ? cells[i] : "", style));
  return row;
}

static void
block_free (Block *block)
{
  text_free (block->text);
  g_clear_pointer (&block->texts, g_ptr_array_unref);
  g_free (block->widths);
  row_free (block->header);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

typedef struct
{
  char     *title;
  gboolean  listed;    /* in the contents */
  guint     page;
  double    y;
} Section;

static void
section_free (Section *section)
{
  g_free (section->title);
  g_free (section);
}

/* Pages ---------------------------------------------------------------------------- */

typedef enum
{
  PIECE_COVER,
  PIECE_TITLE,           /* the title of a section or of the contents */
  PIECE_TEXT,            /* lines of a heading or paragraph */
  PIECE_ROW,             /* a table row, or part of one */
  PIECE_HEADER,          /* a table's header */
  PIECE_CONTENTS_ENTRY,
} PieceKind;

typedef struct
{
  PieceKind  kind;
  Block     *block;
  guint      index;      /* row or contents entry */
  double     y;
  double     height;
  guint     *first;      /* per text: the lines drawn here */
  guint     *last;
} Piece;

typedef struct
{
  GPtrArray *pieces;     /* of Piece */
  guint      section;
  gboolean   is_cover;
} Page;

static void
piece_free (Piece *piece)
{
  g_free (piece->first);
  g_free (piece->last);
  g_free (piece);
}

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->pieces);
  g_free (page);
}

struct _ClwPrintDocument
{
  GObject       parent_instance;

  char         *header_left;
  char         *header_right;
  GPtrArray    *blocks;      /* of Block */
  GPtrArray    *sections;    /* of Section */
  Block        *table;       /* the table rows are added to, borrowed */

  /* The last pagination. */
  PangoContext *context;
  double        width;
  double        height;
  double        top;
  double        bottom;
  GPtrArray    *pages;       /* of Page */
};

G_DEFINE_FINAL_TYPE (ClwPrintDocument, clw_print_document, G_TYPE_OBJECT)

/* Pagination ------------------------------------------------------------------------ */

typedef struct
{
  ClwPrintDocument *self;
  double            x;
  double            width;
  Page             *page;
  double            y;
  guint             section;
} Flow;

static void
flow_new_page (Flow *flow)
{
  Page *page = g_new0 (Page, 1);

  page->pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) piece_free);
  page->section = flow->section;
  g_ptr_array_add (flow->self->pages, page);
  flow->page = page;
  flow->y = flow->self->top;
}

static gboolean
flow_page_is_empty (Flow *flow)
{
  return flow->page->pieces->len == 0;
}

static double
flow_available (Flow *flow)
{
  return flow->self->bottom - flow->y;
}

static double
flow_page_height (Flow *flow)
{
  return flow->self->bottom - flow->self->top;
}

static Piece *
flow_place (Flow      *flow,
            PieceKind  kind,
            Block     *block,
            guint      index,
            double     height,
            guint      n_ranges)
{
  Piece *piece = g_new0 (Piece, 1);

  piece->kind = kind;
  piece->block = block;
  piece->index = index;
  piece->y = flow->y;
  piece->height = height;
  if (n_ranges > 0)
    {
      piece->first = g_new0 (guint, n_ranges);
      piece->last = g_new0 (guint, n_ranges);
    }
  g_ptr_array_add (flow->page->pieces, piece);
  flow->y += height;
  return piece;
}

/* A section (and the cover and the contents) starts on a page of its own. */
static void
flow_start_section (Flow  *flow,
                    Block *block)
{
  Section *section = g_ptr_array_index (flow->self->sections, block->section);

  if (!flow_page_is_empty (flow))
    flow_new_page (flow);
  flow->section = block->section;
  flow->page->section = block->section;
  section->page = flow->self->pages->len - 1;
  section->y = flow->y;
}

static void
layout_row (Row          *row,
            PangoContext *context,
            const double *widths,
            guint         n_columns,
            double        width)
{
  double tallest = 0.0;

  for (guint c = 0; c < row->cells->len; c++)
    {
      Text *cell = g_ptr_array_index (row->cells, c);
      double w = (row->flags & CLW_PRINT_ROW_GROUP) ? width : widths[c] * width;

      text_layout (cell, context, MAX (w - 2 * CELL_PAD_X, 1.0));
      tallest = MAX (tallest, text_height (cell));
    }
  row->height = tallest + 2 * CELL_PAD_Y;
}

/* The height of the first piece of @block that may not be parted from a
 * heading before it. */
static double
first_piece_height (Block *block,
                    Flow  *flow)
{
  switch (block->kind)
    {
    case BLOCK_PARAGRAPH:
    case BLOCK_HEADING:
      return text_range_height (block->text, 0, MIN (2, text_n_lines (block->text)));
    case BLOCK_TABLE:
      {
        double h = block->header->height;
        if (block->rows->len > 0)
          h += ((Row *) g_ptr_array_index (block->rows, 0))->height;
        return MIN (h, flow_page_height (flow) / 2);
      }
    case BLOCK_COVER:
    case BLOCK_CONTENTS:
    case BLOCK_SECTION:
    default:
      return 0.0;
    }
}

/* Lines of @text from the flow's position on, across pages as needed. */
static void
flow_text (Flow      *flow,
           Block     *block,
           Text      *text,
           PieceKind  kind)
{
  guint first = 0;
  guint n = text_n_lines (text);

  while (first < n)
    {
      guint last = text_lines_fitting (text, first, flow_available (flow));
      Piece *piece;

      if (last == first)
        {
          if (!flow_page_is_empty (flow))
            {
              flow_new_page (flow);
              continue;
            }
          /* A line taller than a page: place it all the same. */
          last = first + 1;
        }

      piece = flow_place (flow, kind, block, 0, text_range_height (text, first, last), 1);
      piece->first[0] = first;
      piece->last[0] = last;
      first = last;
      if (first < n)
        flow_new_page (flow);
    }
}

static void
flow_header (Flow  *flow,
             Block *block)
{
  Piece *piece = flow_place (flow, PIECE_HEADER, block, 0, block->header->height, block->n_columns);

  for (guint c = 0; c < block->n_columns; c++)
    piece->last[c] = text_n_lines (g_ptr_array_index (block->header->cells, c));
}

static void
flow_whole_row (Flow  *flow,
                Block *block,
                guint  index)
{
  Row *row = g_ptr_array_index (block->rows, index);
  Piece *piece = flow_place (flow, PIECE_ROW, block, index, row->height, row->cells->len);

  for (guint c = 0; c < row->cells->len; c++)
    piece->last[c] = text_n_lines (g_ptr_array_index (row->cells, c));
}

/* A new page for the rest of a table: its header again and, inside a
 * group of rows, the group's heading. */
static void
flow_table_page (Flow  *flow,
                 Block *block,
                 int    group)
{
  flow_new_page (flow);
  flow_header (flow, block);
  if (group >= 0)
    flow_whole_row (flow, block, (guint) group);
}

static void
flow_table (Flow  *flow,
            Block *block)
{
  double header = block->header->height;
  int group = -1;

  if (!flow_page_is_empty (flow) && first_piece_height (block, flow) > flow_available (flow))
    flow_new_page (flow);
  flow_header (flow, block);

  for (guint r = 0; r < block->rows->len; r++)
    {
      Row *row = g_ptr_array_index (block->rows, r);
      guint n_cells = row->cells->len;
      g_autofree guint *start = NULL;
      gboolean done = FALSE;
      double group_height = group >= 0 ? ((Row *) g_ptr_array_index (block->rows, group))->height : 0.0;

      if (row->flags & CLW_PRINT_ROW_GROUP)
        {
          /* A group's heading stays with its first row. */
          Row *next = r + 1 < block->rows->len ? g_ptr_array_index (block->rows, r + 1) : NULL;
          double needed = row->height + (next != NULL && !(next->flags & CLW_PRINT_ROW_GROUP)
                                         ? MIN (next->height, flow_page_height (flow) / 3) : 0.0);

          if (needed > flow_available (flow))
            {
              flow_new_page (flow);
              flow_header (flow, block);
            }
          flow_whole_row (flow, block, r);
          group = (int) r;
          continue;
        }

      if (row->height <= flow_available (flow))
        {
          flow_whole_row (flow, block, r);
          continue;
        }

      if (row->height + header + group_height <= flow_page_height (flow))
        {
          flow_table_page (flow, block, group);
          flow_whole_row (flow, block, r);
          continue;
        }

      /* A row taller than a page: each cell goes on where it stopped. */
      start = g_new0 (guint, n_cells);
      while (!done)
        {
          double available = flow_available (flow) - 2 * CELL_PAD_Y;
          g_autofree guint *stop = g_new0 (guint, n_cells);
          double tallest = 0.0;
          gboolean progress = FALSE;
          Piece *piece;

          for (guint c = 0; c < n_cells; c++)
            {
              Text *cell = g_ptr_array_index (row->cells, c);

              stop[c] = text_lines_fitting (cell, start[c], available);
              if (stop[c] > start[c])
                progress = TRUE;
              tallest = MAX (tallest, text_range_height (cell, start[c], stop[c]));
            }

          if (!progress)
            {
              flow_table_page (flow, block, group);
              continue;
            }

          piece = flow_place (flow, PIECE_ROW, block, r, tallest + 2 * CELL_PAD_Y, n_cells);
          done = TRUE;
          for (guint c = 0; c < n_cells; c++)
            {
              piece->first[c] = start[c];
              piece->last[c] = stop[c];
              start[c] = stop[c];
              if (start[c] < text_n_lines (g_ptr_array_index (row->cells, c)))
                done = FALSE;
            }
          if (!done)
            flow_table_page (flow, block, group);
        }
    }

  flow->y += TABLE_GAP;
}

static void
flow_contents (Flow  *flow,
               Block *block)
{
  guint n = block->texts->len / 2;

  flow_start_section (flow, block);
  flow_place (flow, PIECE_TITLE, block, 0, text_height (block->text) + SECTION_GAP, 0);

  for (guint i = 0; i < n; i++)
    {
      Text *title = g_ptr_array_index (block->texts, 2 * i);
      double h = text_height (title) + CONTENTS_GAP;

      if (h > flow_available (flow) && !flow_page_is_empty (flow))
        flow_new_page (flow);
      flow_place (flow, PIECE_CONTENTS_ENTRY, block, i, h, 0);
    }
}

static void
layout_block (ClwPrintDocument *self,
              Block            *block,
              double            width)
{
  switch (block->kind)
    {
    case BLOCK_COVER:
      text_layout (block->text, self->context, width);
      for (guint i = 0; i < block->texts->len; i++)
        text_layout (g_ptr_array_index (block->texts, i), self->context, width);
      break;

    case BLOCK_CONTENTS:
      text_layout (block->text, self->context, width);
      for (guint i = 0; i < block->texts->len; i += 2)
        {
          text_layout (g_ptr_array_index (block->texts, i), self->context,
                       width - CONTENTS_NUMBER_WIDTH - 12.0);
          text_layout (g_ptr_array_index (block->texts, i + 1), self->context, CONTENTS_NUMBER_WIDTH);
        }
      break;

    case BLOCK_SECTION:
    case BLOCK_HEADING:
    case BLOCK_PARAGRAPH:
      text_layout (block->text, self->context, width);
      break;

    case BLOCK_TABLE:
      layout_row (block->header, self->context, block->widths, block->n_columns, width);
      for (guint r = 0; r < block->rows->len; r++)
        layout_row (g_ptr_array_index (block->rows, r), self->context, block->widths,
                    block->n_columns, width);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* The contents lists the sections after it, with their pages. */
static void
fill_contents (ClwPrintDocument *self,
               Block            *contents,
               gboolean          with_pages)
{
  g_ptr_array_set_size (contents->texts, 0);
  for (guint s = contents->section + 1; s < self->sections->len; s++)
    {
      Section *section = g_ptr_array_index (self->sections, s);
      g_autofree char *page = NULL;
      Text *number;

      if (!section->listed)
        continue;
      page = with_pages ? g_strdup_printf ("%u", section->page + 1) : g_strdup ("000");
      number = text_new_plain (page, STYLE_CONTENTS);
      number->align = PANGO_ALIGN_RIGHT;
      g_ptr_array_add (contents->texts, text_new_plain (section->title, STYLE_CONTENTS));
      g_ptr_array_add (contents->texts, number);
    }
}

/* Drawing ----------------------------------------------------------------------------- */

static void
draw_cover (ClwPrintDocument *self,
            cairo_t          *cr,
            Block            *block)
{
  double x = MARGIN_X;
  double width = self->width - 2 * MARGIN_X;
  double y = self->top + (self->bottom - self->top) * 0.22;

  g_autofree char *dest = g_strdup_printf ("name='section-%u'", block->section);

  /* A band across the top. */
  cairo_set_source_rgb (cr, BLUE);
  cairo_rectangle (cr, x, self->top, width, 10.0);
  cairo_fill (cr);

  cairo_tag_begin (cr, CAIRO_TAG_DEST, dest);
  text_draw (block->text, cr, x, y);
  cairo_tag_end (cr, CAIRO_TAG_DEST);
  y += text_height (block->text) + 18.0;

  cairo_set_source_rgb (cr, BLUE);
  cairo_rectangle (cr, x, y, 60.0, 3.0);
  cairo_fill (cr);
  y += 20.0;

  for (guint i = 0; i < block->texts->len; i++)
    {
      Text *line = g_ptr_array_index (block->texts, i);

      text_draw (line, cr, x, y);
      y += text_height (line) + 6.0;
    }
}

static double
column_x (Block *block,
          guint  column,
          double x,
          double width)
{
  for (guint c = 0; c < column; c++)
    x += block->widths[c] * width;
  return x;
}

static void
draw_row (ClwPrintDocument *self,
          cairo_t          *cr,
          Piece            *piece,
          Row              *row,
          gboolean          is_header)
{
  Block *block = piece->block;
  double x = MARGIN_X;
  double width = self->width - 2 * MARGIN_X;

  if (is_header)
    cairo_set_source_rgb (cr, BLUE);
  else if (row->flags & CLW_PRINT_ROW_ALERT)
    cairo_set_source_rgb (cr, ALERT_FILL);
  else if (row->flags & CLW_PRINT_ROW_GROUP)
    cairo_set_source_rgb (cr, GROUP_FILL);
  else if (piece->index % 2 == 1)
    cairo_set_source_rgb (cr, STRIPE_FILL);
  else
    cairo_set_source_rgba (cr, 1, 1, 1, 0);
  cairo_rectangle (cr, x, piece->y, width, piece->height);
  cairo_fill (cr);

  for (guint c = 0; c < row->cells->len; c++)
    {
      Text *cell = g_ptr_array_index (row->cells, c);
      double cx = (row->flags & CLW_PRINT_ROW_GROUP) ? x : column_x (block, c, x, width);

      text_draw_range (cell, cr, cx + CELL_PAD_X, piece->y + CELL_PAD_Y, piece->first[c], piece->last[c]);
    }

  if (!is_header)
    {
      cairo_set_source_rgb (cr, RULE);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, x, piece->y + piece->height - 0.25);
      cairo_line_to (cr, x + width, piece->y + piece->height - 0.25);
      cairo_stroke (cr);
    }
}

static void
draw_contents_entry (ClwPrintDocument *self,
                     cairo_t          *cr,
                     Piece            *piece)
{
  Block *block = piece->block;
  Text *title = g_ptr_array_index (block->texts, 2 * piece->index);
  Text *number = g_ptr_array_index (block->texts, 2 * piece->index + 1);
  double x = MARGIN_X;
  double width = self->width - 2 * MARGIN_X;
  const LineInfo *last = &g_array_index (title->lines, LineInfo, text_n_lines (title) - 1);
  PangoRectangle ink;
  double baseline = piece->y + last->baseline - g_array_index (title->lines, LineInfo, 0).top;
  double dots_from, dots_to;
  guint target = 0;
  g_autofree char *link = NULL;

  /* The section this entry names. */
  for (guint s = block->section + 1, k = 0; s < self->sections->len; s++)
    {
      Section *section = g_ptr_array_index (self->sections, s);
      if (!section->listed)
        continue;
      if (k++ == piece->index)
        {
          target = s;
          break;
        }
    }

  link = g_strdup_printf ("dest='section-%u'", target);
  cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
  text_draw (title, cr, x, piece->y);
  text_draw (number, cr, x + width - CONTENTS_NUMBER_WIDTH, piece->y + text_height (title)
             - text_height (number));
  cairo_tag_end (cr, CAIRO_TAG_LINK);

  /* Dotted leaders from the end of the title to the page number. */
  pango_layout_line_get_extents (pango_layout_get_line_readonly (title->layout, (int) text_n_lines (title) - 1),
                                 &ink, NULL);
  dots_from = x + last->x + (double) (ink.x + ink.width) / PANGO_SCALE + 6.0;
  pango_layout_line_get_extents (pango_layout_get_line_readonly (number->layout, 0), &ink, NULL);
  dots_to = x + width - CONTENTS_NUMBER_WIDTH + g_array_index (number->lines, LineInfo, 0).x
            + (double) ink.x / PANGO_SCALE - 6.0;
  if (dots_to > dots_from)
    {
      double dash[] = { 0.6, 3.0 };

      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
      cairo_set_line_width (cr, 1.0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, dots_from, baseline - 0.5);
      cairo_line_to (cr, dots_to, baseline - 0.5);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static PangoLayout *
furniture_layout (ClwPrintDocument *self,
                  const char       *text,
                  PangoAlignment    align,
                  double            width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *desc = style_font (STYLE_FURNITURE);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, align);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
furniture_height (ClwPrintDocument *self)
{
  g_autoptr(PangoLayout) layout = furniture_layout (self, "Ag", PANGO_ALIGN_LEFT, 100.0);
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

/* The header and the footer of a page; the header's and footer's two texts
 * each get half the width, and are shortened with an ellipsis rather than
 * run into each other. */
static void
draw_furniture (ClwPrintDocument *self,
                cairo_t          *cr,
                guint             page_nr,
                Page             *page)
{
  double x = MARGIN_X;
  double width = self->width - 2 * MARGIN_X;
  double half = width / 2 - 6.0;
  double fh = furniture_height (self);
  double footer_y = self->height - MARGIN_BOTTOM - fh;
  Section *section = g_ptr_array_index (self->sections, page->section);
  g_autofree char *page_text = g_strdup_printf (_("Page %u of %u"), page_nr + 1, self->pages->len);
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  g_autoptr(PangoLayout) footer_left = NULL;
  g_autoptr(PangoLayout) footer_right = NULL;

  set_style_colour (cr, STYLE_FURNITURE);

  if (!page->is_cover)
    {
      left = furniture_layout (self, self->header_left, PANGO_ALIGN_LEFT, half);
      right = furniture_layout (self, self->header_right, PANGO_ALIGN_RIGHT, half);
      cairo_move_to (cr, x, MARGIN_TOP);
      pango_cairo_show_layout (cr, left);
      cairo_move_to (cr, x + width - half, MARGIN_TOP);
      pango_cairo_show_layout (cr, right);

      cairo_set_source_rgb (cr, RULE);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, x, MARGIN_TOP + fh + 3.0);
      cairo_line_to (cr, x + width, MARGIN_TOP + fh + 3.0);
      cairo_stroke (cr);
    }

  cairo_set_source_rgb (cr, RULE);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, x, footer_y - 3.0);
  cairo_line_to (cr, x + width, footer_y - 3.0);
  cairo_stroke (cr);

  set_style_colour (cr, STYLE_FURNITURE);
  footer_left = furniture_layout (self, section->title, PANGO_ALIGN_LEFT, half);
  footer_right = furniture_layout (self, page_text, PANGO_ALIGN_RIGHT, half);
  cairo_move_to (cr, x, footer_y);
  pango_cairo_show_layout (cr, footer_left);
  cairo_move_to (cr, x + width - half, footer_y);
  pango_cairo_show_layout (cr, footer_right);
}

static void
draw_piece (ClwPrintDocument *self,
            cairo_t          *cr,
            Piece            *piece)
{
  Block *block = piece->block;
  double x = MARGIN_X;

  switch (piece->kind)
    {
    case PIECE_COVER:
      draw_cover (self, cr, block);
      break;

    case PIECE_TITLE:
      {
        g_autofree char *dest = g_strdup_printf ("name='section-%u'", block->section);

        cairo_tag_begin (cr, CAIRO_TAG_DEST, dest);
        text_draw (block->text, cr, x, piece->y);
        cairo_tag_end (cr, CAIRO_TAG_DEST);

        cairo_set_source_rgb (cr, BLUE);
        cairo_rectangle (cr, x, piece->y + text_height (block->text) + 3.0, 40.0, 2.0);
        cairo_fill (cr);
      }
      break;

    case PIECE_TEXT:
      text_draw_range (block->text, cr, x, piece->y + (block->kind == BLOCK_HEADING ? HEADING_GAP_ABOVE : 0.0),
                       piece->first[0], piece->last[0]);
      break;

    case PIECE_HEADER:
      draw_row (self, cr, piece, block->header, TRUE);
      break;

    case PIECE_ROW:
      draw_row (self, cr, piece, g_ptr_array_index (block->rows, piece->index), FALSE);
      break;

    case PIECE_CONTENTS_ENTRY:
      draw_contents_entry (self, cr, piece);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* GObject ------------------------------------------------------------------------------ */

static void
clw_print_document_finalize (GObject *object)
{
  ClwPrintDocument *self = (ClwPrintDocument *) object;

  g_free (self->header_left);
  g_free (self->header_right);
  g_ptr_array_unref (self->blocks);
  g_ptr_array_unref (self->sections);
  g_clear_object (&self->context);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (clw_print_document_parent_class)->finalize (object);
}

static void
clw_print_document_class_init (ClwPrintDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clw_print_document_finalize;
}

static void
clw_print_document_init (ClwPrintDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
}

/* Public API --------------------------------------------------------------------------- */

ClwPrintDocument *
clw_print_document_new (void)
{
  return g_object_new (CLW_TYPE_PRINT_DOCUMENT, NULL);
}

void
clw_print_document_set_header (ClwPrintDocument *self,
                               const char       *left,
                               const char       *right)
{
  g_return_if_fail (CLW_IS_PRINT_DOCUMENT (self));

  g_free (self->header_left);
  self->header_left = g_strdup (left);
  g_free (self->header_right);
  self->header_right = g_strdup (right);
}

static Block *
add_block (ClwPrintDocument *self,
           BlockKind         kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (self->blocks, block);
  if (kind != BLOCK_TABLE)
    self->table = NULL;
  return block;
}

static guint
add_section (ClwPrintDocument *self,
             const char       *title,
             gboolean          listed)
{
  Section *section = g_new0 (Section, 1);

  section->title = g_strdup (title);
  section->listed = listed;
  g_ptr_array_add (self->sections, section);
  return self->sections->len - 1;
}

void
clw_print_document_add_cover (ClwPrintDocument   *self,
                              const char         *title,
                              const char * const *lines)
{
  Block *block;

  g_return_if_fail (CLW_IS_PRINT_DOCUMENT (self));

  block = add_block (self, BLOCK_COVER);
  block->text = text_new_plain (title, STYLE_COVER_TITLE);
  block->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) text_free);
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    g_ptr_array_add (block->texts, text_new_plain (lines[i], STYLE_COVER_LINE));
  block->section = add_section (self, title, FALSE);
}

void
clw_print_document_add_contents (ClwPrintDocument *self,
                                 const char       *title)
{
  Block *block;

  g_return_if_fail (CLW_IS_PRINT_DOCUMENT (self));

  block = add_block (self, BLOCK_CONTENTS);
  block->text = text_new_plain (title, STYLE_SECTION);
  block->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) text_free);
  block->section = add_section (self, title, FALSE);
}

void
clw_print_document_add_section (ClwPrintDocument *self,
                                const char       *title)
{
  Block *block;

  g_return_if_fail (CLW_IS_PRINT_DOCUMENT (self));

  block = add_block (self, BLOCK_SECTION);
  block->text = text_new_plain (title, STYLE_SECTION);
  block->section = add_section (self, title, TRUE);
}

void
clw_print_document_add_heading (ClwPrintDocument *self,
                                const char       *markup)
{
  Block *block;

  g_return_if_fail (CLW_IS_PRINT_DOCUMENT (self));

  block = add_block (self, BLOCK_HEADING);
  block->text = text_new (markup, STYLE_HEADING);
}

void
clw_print_document_add_paragraph (ClwPrintDocument *self,
                                  const char       *markup)
{
  Block *block;

  g_return_if_fail (CLW_IS_PRINT_DOCUMENT (self));

  block = add_block (self, BLOCK_PARAGRAPH);
  block->text = text_new (markup, STYLE_BODY);
}

void
clw_print_document_add_note (ClwPrintDocument *self,
                             const char       *markup)
{
  Block *block;

  g_return_if_fail (CLW_IS_PRINT_DOCUMENT (self));

  block = add_block (self, BLOCK_PARAGRAPH);
  block->text = text_new (markup, STYLE_NOTE);
}

void
clw_print_document_add_table (ClwPrintDocument   *self,
                              guint               n_columns,
                              const char * const *headers,
                              const double       *widths)
{
  Block *block;
  double total = 0.0;

  g_return_if_fail (CLW_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (n_columns > 0);

  block = add_block (self, BLOCK_TABLE);
  block->n_columns = n_columns;
  block->widths = g_new0 (double, n_columns);
  for (guint c = 0; c < n_columns; c++)
    total += widths != NULL ? widths[c] : 1.0;
  for (guint c = 0; c < n_columns; c++)
    block->widths[c] = (widths != NULL ? widths[c] : 1.0) / total;

  {
    g_autoptr(GPtrArray) escaped = g_ptr_array_new_with_free_func (g_free);
    for (guint c = 0; c < n_columns; c++)
      g_ptr_array_add (escaped, g_markup_escape_text (headers != NULL && headers[c] != NULL ? headers[c] : "", -1));
    block->header = row_new (CLW_PRINT_ROW_NORMAL, n_columns, (const char * const *) escaped->pdata,
                             STYLE_CELL_HEADER);
  }
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->table = block;
}

void
clw_print_document_add_row (ClwPrintDocument   *self,
                            ClwPrintRowFlags    flags,
                            const char * const *cells_markup)
{
  g_return_if_fail (CLW_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (self->table != NULL);

  if (flags & CLW_PRINT_ROW_GROUP)
    g_ptr_array_add (self->table->rows, row_new (flags, 1, cells_markup, STYLE_CELL_GROUP));
  else
    g_ptr_array_add (self->table->rows, row_new (flags, self->table->n_columns, cells_markup, STYLE_CELL));
}

static guint
paginate_once (ClwPrintDocument *self)
{
  Flow flow = { .self = self, .x = MARGIN_X, .width = self->width - 2 * MARGIN_X };

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  flow_new_page (&flow);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      Block *next = i + 1 < self->blocks->len ? g_ptr_array_index (self->blocks, i + 1) : NULL;

      switch (block->kind)
        {
        case BLOCK_COVER:
          flow_start_section (&flow, block);
          flow.page->is_cover = TRUE;
          flow_place (&flow, PIECE_COVER, block, 0, flow_available (&flow), 0);
          break;

        case BLOCK_CONTENTS:
          flow_contents (&flow, block);
          break;

        case BLOCK_SECTION:
          flow_start_section (&flow, block);
          flow_place (&flow, PIECE_TITLE, block, 0, text_height (block->text) + SECTION_GAP, 0);
          break;

        case BLOCK_HEADING:
          {
            double h = HEADING_GAP_ABOVE + text_height (block->text) + HEADING_GAP_BELOW;
            double keep = next != NULL ? first_piece_height (next, &flow) : 0.0;
            Piece *piece;

            if (!flow_page_is_empty (&flow) && h + keep > flow_available (&flow))
              flow_new_page (&flow);
            piece = flow_place (&flow, PIECE_TEXT, block, 0, h, 1);
            piece->last[0] = text_n_lines (block->text);
          }
          break;

        case BLOCK_PARAGRAPH:
          flow_text (&flow, block, block->text, PIECE_TEXT);
          flow.y += PARAGRAPH_GAP;
          break;

        case BLOCK_TABLE:
          flow_table (&flow, block);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return self->pages->len;
}

guint
clw_print_document_paginate (ClwPrintDocument *self,
                             double            width,
                             double            height)
{
  PangoFontMap *font_map;
  cairo_font_options_t *options;
  double content_width;
  double fh;

  g_return_val_if_fail (CLW_IS_PRINT_DOCUMENT (self), 0);
  g_return_val_if_fail (width > 2 * MARGIN_X + 50 && height > MARGIN_TOP + MARGIN_BOTTOM + 100, 0);

  /* Points, no hinting: the same layout on every surface. */
  g_clear_object (&self->context);
  font_map = pango_cairo_font_map_get_default ();
  self->context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);

  self->width = width;
  self->height = height;
  fh = furniture_height (self);
  self->top = MARGIN_TOP + fh + FURNITURE_GAP;
  self->bottom = height - MARGIN_BOTTOM - fh - FURNITURE_GAP;
  content_width = width - 2 * MARGIN_X;

  /* Twice: the contents needs the pages of the sections, and its own
   * length does not depend on their numbers. */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < self->blocks->len; i++)
        {
          Block *block = g_ptr_array_index (self->blocks, i);

          if (block->kind == BLOCK_CONTENTS)
            fill_contents (self, block, pass == 1);
          if (pass == 0 || block->kind == BLOCK_CONTENTS)
            layout_block (self, block, content_width);
        }
      paginate_once (self);
    }

  return self->pages->len;
}

guint
clw_print_document_get_n_pages (ClwPrintDocument *self)
{
  g_return_val_if_fail (CLW_IS_PRINT_DOCUMENT (self), 0);

  return self->pages != NULL ? self->pages->len : 0;
}

void
clw_print_document_draw_page (ClwPrintDocument *self,
                              cairo_t          *cr,
                              guint             page_nr)
{
  Page *page;

  g_return_if_fail (CLW_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->pages != NULL && page_nr < self->pages->len);

  page = g_ptr_array_index (self->pages, page_nr);

  cairo_save (cr);
  draw_furniture (self, cr, page_nr, page);
  for (guint i = 0; i < page->pieces->len; i++)
    draw_piece (self, cr, g_ptr_array_index (page->pieces, i));
  cairo_restore (cr);
}

guint
clw_print_document_get_n_sections (ClwPrintDocument *self)
{
  g_return_val_if_fail (CLW_IS_PRINT_DOCUMENT (self), 0);

  return self->sections->len;
}

const char *
clw_print_document_get_section_title (ClwPrintDocument *self,
                                      guint             index)
{
  g_return_val_if_fail (CLW_IS_PRINT_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);

  return ((Section *) g_ptr_array_index (self->sections, index))->title;
}

guint
clw_print_document_get_section_page (ClwPrintDocument *self,
                                     guint             index)
{
  g_return_val_if_fail (CLW_IS_PRINT_DOCUMENT (self), 0);
  g_return_val_if_fail (index < self->sections->len, 0);

  return ((Section *) g_ptr_array_index (self->sections, index))->page;
}

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
clw_print_document_to_pdf (ClwPrintDocument  *self,
                           const char        *title,
                           GError           **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (CLW_IS_PRINT_DOCUMENT (self), NULL);

  surface = cairo_pdf_surface_create_for_stream (write_to_array, data,
                                                 CLW_PRINT_A4_WIDTH, CLW_PRINT_A4_HEIGHT);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);

  n_pages = clw_print_document_paginate (self, CLW_PRINT_A4_WIDTH, CLW_PRINT_A4_HEIGHT);
  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    {
      clw_print_document_draw_page (self, cr, i);
      cairo_show_page (cr);
    }

  for (guint s = 0; s < self->sections->len; s++)
    {
      Section *section = g_ptr_array_index (self->sections, s);
      g_autofree char *link = g_strdup_printf ("dest='section-%u'", s);

      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, section->title, link, 0);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the PDF: %s."), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

gboolean
clw_print_document_write_pdf (ClwPrintDocument  *self,
                              const char        *path,
                              const char        *title,
                              GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (CLW_IS_PRINT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = clw_print_document_to_pdf (self, title, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  return clw_files_write_private (path, data, size, error);
}
