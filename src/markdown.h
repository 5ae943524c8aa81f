/* markdown.h — reads an article body (CommonMark with pipe tables) into
 * the Article's blocks, using md4c. Only this module includes md4c.
 *
 * What becomes of constructs a newspaper column cannot show:
 *  - inline HTML tags are dropped and the text between them kept ("<b>x</b>"
 *    prints "x"; "<br>" is a line break); an HTML block keeps its text, tags
 *    removed;
 *  - an image in the body prints its alt text in place (a body image is not a
 *    photo: the article's photo comes from `image:` in the front matter);
 *  - a link prints its text; the address is not printed;
 *  - a heading of any level is a crosshead. */
#ifndef GALLEY_MARKDOWN_H
#define GALLEY_MARKDOWN_H

#include "model.h"

/* Parses body (len bytes, starting on 1-based line first_line of the file)
 * and appends its blocks to article. Returns false with error set when md4c
 * fails (it does not on valid UTF-8, which the caller has checked). */
bool markdown_read_body(Article *article, const char *body, size_t len,
                        int first_line, GError **error);

#endif
