"""parallel_write's patch: ``Writer._open_w`` overridden, to learn the file a page goes to.

Why: parallel_write's recording writer lets Pelican's ``write_file`` do all its
bookkeeping for a page (the file's folder, the overwrite checks, the "Writing" message,
``content_written``) and renders the page later, on every core. The file a page goes to
(or ``os.devnull`` when Pelican skips it, not overwriting) is decided in ``_open_w``,
which ``write_file`` calls once per page; the writer notes the name Pelican opened and
writes nothing there (the page is written when it is rendered).
Touches: ``Writer._open_w`` (overridden in a subclass handed over by ``get_writer``).
Written against Pelican 4.12.0. Gain (make bench): pages render on both cores; with
parallel_read and shared_templates it took the N = 5,000 full build from 1.67 × to
0.95 × plain Pelican's wall time (commit 007c4f3; at N = 2,000 rendering 3.4–4.4 s in
one process, 1.8–2.5 s on two), and it is what page reuse (the rebuild's 0.21 ×) works
through.

Removed (under 2 % of a full build): Pelican's overwrite checks repeated here without
making the file, with its private ``_written_files`` and ``_overridden_files``
(commit b5701c6: ≈ 0.4 s of 31.9 s at N = 5,000, 1.3 %). Pelican makes the file, empty,
and the page replaces it when rendered.
"""

from __future__ import annotations

from typing import Any

from pelican.writers import Writer

__all__ = ["FileNotingWriter"]


class FileNotingWriter(Writer):  # type: ignore[misc]  # Pelican is untyped
    """Pelican's Writer that, while ``noting`` holds a callback, gives it the name of the next
    file Pelican opens for a page instead of writing there."""

    noting: Any = None

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        note, self.noting = self.noting, None
        handle = super()._open_w(filename, encoding, override)
        if note is not None:
            # Pelican's checks and bookkeeping have run (and the file exists, empty).
            note(handle.name)
        return handle
