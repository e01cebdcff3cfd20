"""Image parts of a deck, found and numbered the way python-pptx does, without its package walks.

For every picture python-pptx walks the whole package twice: once to find an image part with the
same SHA-1 (hashing every image part again), once to find the first free ``imageN`` number. A deck's
images only change through ``add_picture`` here while it is filled, so both answers are kept per
package and updated as pictures are added.
"""

from __future__ import annotations

from io import BytesIO

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.image import Image, ImagePart

from generator.ooxml import package_record

_MEDIA_IMAGE = "/ppt/media/image"


class _PackageImages:
    """The image parts of one package by SHA-1, and the image numbers its part names take."""

    def __init__(self, package):
        self.by_sha1: dict[str, ImagePart] = {}
        for part in package._image_parts:  # python-pptx's search order: the first part of a digest wins
            if hasattr(part, "sha1"):  # unknown types such as SVG have none
                self.by_sha1.setdefault(part.sha1, part)
        self.numbers = [part.partname.idx for part in package.iter_parts()
                        if part.partname.startswith(_MEDIA_IMAGE) and part.partname.idx is not None]

    def part_for(self, package, data: bytes) -> ImagePart:
        """Return the image part holding ``data``: an existing one with the same bytes, else a new one."""
        image = Image.from_file(BytesIO(data))
        part = self.by_sha1.get(image.sha1)
        if part is None:
            number = self._first_free_number()
            partname = PackURI(f"{_MEDIA_IMAGE}{number}.{image.ext}")
            part = ImagePart(partname, image.content_type, package, image.blob, image.filename)
            self.by_sha1[image.sha1] = part
            self.numbers.append(number)
        return part

    def _first_free_number(self) -> int:
        """Return the number python-pptx's next_image_partname picks: the first gap from 1."""
        taken = sorted(self.numbers)
        for index, number in enumerate(taken, start=1):
            if index < number:
                return index
        return len(taken) + 1


_RECORD = "_kitgen_images"


def related_image_part(slide, data: bytes) -> tuple[ImagePart, str]:
    """Return (image part, relationship id) for ``data`` on ``slide``, as python-pptx's add_picture gets them."""
    package = slide.part.package
    part = package_record(package, _RECORD, _PackageImages).part_for(package, data)
    return part, slide.part.relate_to(part, RT.IMAGE)
