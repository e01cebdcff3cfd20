"""A minimal PNG encoder for rendered canvases: no metadata, one IDAT, same bytes for the same pixels.

PIL's encoder tries every row filter and keeps the alpha channel; charts are opaque
flat-colour pictures, so unfiltered RGB with a fast deflate encodes about twice as fast
and comes out smaller. The deflate is zlib-ng's (``zlib-ng``) level 3: a standard zlib
stream the size of zlib's level 1, three times faster (1.2 ms instead of 4 ms a chart),
and like zlib the same bytes for the same pixels. (ISA-L is faster still, but gave two
builds of the same charts different bytes.)
"""

from __future__ import annotations

import struct
import threading
import zlib

import numpy as np
from zlib_ng import zlib_ng
from PIL import Image

SIGNATURE = b"\x89PNG\r\n\x1a\n"
COLOR_RGB, COLOR_RGBA = 2, 6
DEFLATE_LEVEL = 3  # zlib-ng level 3: the size of zlib level 1 at a third of its time
MAX_ROW_BUFFERS = 4  # distinct picture sizes kept per thread

_local = threading.local()


def encode_png(rgba: np.ndarray) -> bytes:
    """Return PNG bytes of an (height, width, 4) uint8 image; RGB when every pixel is opaque."""
    height, width = rgba.shape[:2]
    opaque = int(rgba[..., 3].min()) == 255
    pixels = _without_alpha(rgba) if opaque else np.ascontiguousarray(rgba)
    header = struct.pack(">IIBBBBB", width, height, 8, COLOR_RGB if opaque else COLOR_RGBA, 0, 0, 0)
    return SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", _compressed_rows(pixels)) + _chunk(b"IEND", b"")


def _without_alpha(rgba: np.ndarray) -> np.ndarray:
    """Return the RGB channels packed row by row (PIL's raw packer is several times faster than numpy slicing)."""
    height, width = rgba.shape[:2]
    image = Image.frombuffer("RGBA", (width, height), np.ascontiguousarray(rgba), "raw", "RGBA", 0, 1)
    return np.frombuffer(image.tobytes("raw", "RGB"), dtype=np.uint8).reshape(height, width * 3)


def _compressed_rows(pixels: np.ndarray) -> bytes:
    """Return the zlib stream of the scanlines, each prefixed by filter type 0 (none)."""
    height = pixels.shape[0]
    rows = _row_buffer(height, 1 + pixels[0].size)
    rows[:, 1:] = pixels.reshape(height, -1)
    return zlib_ng.compress(rows, DEFLATE_LEVEL)  # the array's buffer directly: no bytes copy


def _row_buffer(height: int, row_bytes: int) -> np.ndarray:
    """Return this thread's scanline buffer of that shape, filter bytes zero, kept for the next chart.

    A fresh multi-megabyte array per chart costs more in page faults than the copy into it.
    """
    buffers = _local.__dict__.setdefault("rows", {})
    rows = buffers.get((height, row_bytes))
    if rows is None:
        if len(buffers) >= MAX_ROW_BUFFERS:
            buffers.clear()
        rows = buffers[(height, row_bytes)] = np.zeros((height, row_bytes), dtype=np.uint8)
    return rows


def _chunk(kind: bytes, data: bytes) -> bytes:
    """Return one PNG chunk: length, type, data and the CRC of type plus data."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
