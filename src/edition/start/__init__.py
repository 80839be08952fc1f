"""Starting an edition: `edition new` from plain text or Markdown, `edition import` of another project's TEI, the identifier rule."""
