"""Probing evidence files: what kind a file is (by content first), its duration, size, pages,
words, date, place and identifying metadata; run in the isolated media process (any thread)."""

from __future__ import annotations

import codecs
import contextlib
import math
import re
import struct
import warnings
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from mcdesk.core.errors import MediaError
from mcdesk.core.evidence import EvidenceKind, GpsPoint, MediaInfo
from mcdesk.core.text import word_count
from mcdesk.media.file_names import BY_SUFFIX as _BY_SUFFIX
from mcdesk.media.file_names import DOCX_MIME, kind_from_name

if TYPE_CHECKING:
    from fractions import Fraction

    from PIL import Image

__all__ = [
    "DOCX_MIME",
    "MAX_IMAGE_PIXELS",
    "TEXT_CAP",
    "detect_type",
    "extract_text",
    "kind_from_name",
    "open_docx",
    "open_image",
    "open_pdf",
    "parse_iso6709",
    "probe_file",
]

# Images above this many pixels are refused as possible decompression bombs (~200 MP).
MAX_IMAGE_PIXELS: Final = 200_000_000
# Readable text kept from a document (characters), for word counts and roster search.
TEXT_CAP: Final = 2_000_000
# A Word document whose parts unpack to more than this is refused as a ZIP bomb.
MAX_DOCX_UNPACKED: Final = 1024**3

# The identifying metadata names shown to the user.
GPS = "GPS position"
GPS_TRACK = "GPS track"
SERIAL = "camera serial number"
OWNER = "owner/artist name"
CAMERA = "camera make and model"
DEVICE = "device name in the encoder tag"
XMP_IPTC = "XMP/IPTC data"
TEXT_NOTES = "text notes in the image"
AUTHOR = "document author"
EDITOR = "last editor's name"
REVIEWERS = "names in comments or tracked changes"
COMPANY = "company or manager name"
UNREADABLE_EXIF = "camera data mcdesk cannot read"

_TEXT_SUFFIXES = {s for s, (kind, _mime) in _BY_SUFFIX.items() if kind is EvidenceKind.TEXT}
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs"}
_HEIF_GENERIC = {b"mif1", b"msf1", b"mif2"}
_AVIF_BRANDS = {b"avif", b"avis"}
_AUDIO_BRANDS = {b"M4A ", b"M4B ", b"M4P ", b"F4A ", b"F4B "}
_QT_ATOMS = {b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"}

_KNOWN_NOT_SUPPORTED = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc, .xls, .ppt); "
                                          "save it as .docx or PDF and add that"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "a rich text (.rtf) file; save it as .docx or PDF and add that"),
)


# --------------------------------------------------------------------------- detection


def _read_head(path: Path, size: int = 8192) -> bytes:
    """The first bytes of `path`, with the user-facing errors for missing/empty/unreadable."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(size)
    except FileNotFoundError:
        raise MediaError("the file cannot be found; it may have been moved or deleted",
                         path=path) from None
    except IsADirectoryError:
        raise MediaError("this is a folder, not a file", path=path) from None
    except PermissionError:
        raise MediaError("mcdesk is not allowed to read this file", path=path) from None
    except OSError as exc:
        raise MediaError(f"the file cannot be read ({exc.strerror or exc})", path=path) from None
    if not head:
        raise MediaError("the file is empty", path=path)
    return head


def _zip_kind(path: Path, suffix: str) -> tuple[EvidenceKind, str] | str:
    if suffix == ".docx":  # a damaged one is told so when it is opened
        return EvidenceKind.DOCUMENT, DOCX_MIME
    import zipfile  # here: only ZIP-based files need it, and a video's first look does not

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError, NotImplementedError):
        return "a damaged ZIP archive"
    if "word/document.xml" in names:
        return EvidenceKind.DOCUMENT, DOCX_MIME
    if b"opendocument.text" in mimetype:
        return "an OpenDocument text (.odt); save it as .docx or PDF and add that"
    if "xl/workbook.xml" in names or "ppt/presentation.xml" in names:
        return "a spreadsheet or presentation; save it as PDF and add that"
    return "a ZIP archive"


def _sniff(path: Path, head: bytes, suffix: str) -> tuple[EvidenceKind, str] | str | None:
    """(kind, mime) from the content, a description of a known but unsupported kind, or None."""
    box = head[4:8]
    if box == b"ftyp":
        brand = head[8:12]
        compatible = {head[i:i + 4] for i in range(16, min(len(head), 64), 4)}
        if brand in _HEIF_BRANDS or (brand in _HEIF_GENERIC and compatible & _HEIF_BRANDS):
            return EvidenceKind.IMAGE, "image/heic"
        if brand in _AVIF_BRANDS or (brand in _HEIF_GENERIC and compatible & _AVIF_BRANDS):
            return EvidenceKind.IMAGE, "image/avif"
        if brand in _HEIF_GENERIC:
            return EvidenceKind.IMAGE, "image/heif"
        if brand in _AUDIO_BRANDS:
            return EvidenceKind.AUDIO, "audio/mp4"
        if brand == b"qt  ":
            return EvidenceKind.VIDEO, "video/quicktime"
        if brand.startswith(b"M4V"):
            return EvidenceKind.VIDEO, "video/x-m4v"
        if brand.startswith(b"3g"):
            return EvidenceKind.VIDEO, "video/3gpp"
        if brand == b"crx ":
            return "a camera raw photo; export it as JPEG and add that"
        return EvidenceKind.VIDEO, "video/mp4"
    if box in _QT_ATOMS:
        return EvidenceKind.VIDEO, "video/quicktime"
    if head.startswith(b"\x1aE\xdf\xa3"):
        if b"webm" in head[:64]:
            return EvidenceKind.VIDEO, "video/webm"
        return EvidenceKind.VIDEO, "video/x-matroska"
    if head.startswith(b"RIFF") and len(head) >= 12:
        riff = head[8:12]
        if riff == b"AVI ":
            return EvidenceKind.VIDEO, "video/x-msvideo"
        if riff == b"WAVE":
            return EvidenceKind.AUDIO, "audio/wav"
        if riff == b"WEBP":
            return EvidenceKind.IMAGE, "image/webp"
    if head.startswith(b"OggS"):
        if b"\x80theora" in head[:256]:
            return EvidenceKind.VIDEO, "video/ogg"
        return EvidenceKind.AUDIO, "audio/ogg"
    if head.startswith(b"fLaC"):
        return EvidenceKind.AUDIO, "audio/flac"
    if head.startswith(b"ID3"):
        return EvidenceKind.AUDIO, "audio/mpeg"
    if head.startswith(b"\xff\xd8\xff"):
        return EvidenceKind.IMAGE, "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return EvidenceKind.IMAGE, "image/png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return EvidenceKind.IMAGE, "image/gif"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return EvidenceKind.IMAGE, "image/tiff"
    if head.startswith(b"BM") and suffix == ".bmp":
        return EvidenceKind.IMAGE, "image/bmp"
    if head.startswith(b"%PDF-") or (b"%PDF-" in head[:1024] and suffix not in _TEXT_SUFFIXES):
        return EvidenceKind.DOCUMENT, "application/pdf"  # readers allow junk before it
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path, suffix)
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xF0 == 0xF0 and (
            suffix in (".aac", ".mp3", ".m4a")):
        # MPEG audio frame sync; too weak a signal to trust without an audio name.
        return EvidenceKind.AUDIO, "audio/aac" if head[1] & 0x06 == 0 else "audio/mpeg"
    for magic, description in _KNOWN_NOT_SUPPORTED:
        if head.startswith(magic):
            return description
    return None


def detect_type(path: Path) -> tuple[EvidenceKind, str]:
    """The kind and MIME type of `path`, by its content first and its name second.

    Raises MediaError for a missing, empty or unknown file."""
    path = Path(path)
    head = _read_head(path)
    suffix = path.suffix.lower()
    found = _sniff(path, head, suffix)
    if isinstance(found, tuple):
        return found
    if found is None:
        by_name = _BY_SUFFIX.get(suffix)
        if by_name is not None:
            return by_name
    what = found or (f"“{suffix}” files" if suffix else "a file without a name extension")
    raise MediaError(f"mcdesk does not know this kind of file ({what})", path=path)


# --------------------------------------------------------------------------- entry point


def probe_file(path: Path) -> MediaInfo:
    """Read `path` and say what it is. Raises MediaError, naming the file, when it is empty,
    unknown, damaged, truncated, encrypted or too large to open safely."""
    path = Path(path)
    kind, mime = detect_type(path)
    if kind in (EvidenceKind.VIDEO, EvidenceKind.AUDIO):
        return _probe_av(path, kind, mime)
    if kind is EvidenceKind.IMAGE:
        return _probe_image(path, mime)
    if mime == "application/pdf":
        return _probe_pdf(path)
    if mime == DOCX_MIME:
        return _probe_docx(path)
    return _probe_text(path, mime)


def extract_text(path: Path, mime: str, *, cap: int = TEXT_CAP) -> str:
    """The readable text of a PDF, Word document or text file (at most `cap` characters)."""
    path = Path(path)
    if mime == "application/pdf":
        return _pdf_text(open_pdf(path), path, cap)
    if mime == DOCX_MIME:
        return _docx_text(path, cap)
    return _plain_text(path, cap)


# --------------------------------------------------------------------------- video, audio

_VIDEO_UNREADABLE = "this video cannot be read; it may be truncated or damaged"
_AUDIO_UNREADABLE = "this sound file cannot be read; it may be truncated or damaged"

_DEVICE_WORDS = re.compile(
    r"iphone|ipad|ipod|pixel|galaxy|\bsm-[a-z0-9]|samsung|huawei|xiaomi|redmi|oneplus|"
    r"motorola|\bmoto\b|nokia|oppo|vivo|realme|sony|xperia|\blg-|gopro|\bdji\b|osmo|canon|"
    r"nikon|panasonic|lumix|fujifilm|olympus|insta360|android|'s\b", re.IGNORECASE)
_OWNER_KEYS = ("artist", "author", "album_artist", "composer", "copyright",
               "com.apple.quicktime.author", "com.apple.quicktime.artist",
               "com.apple.quicktime.copyright")
_MAKE_KEYS = ("com.apple.quicktime.make", "make", "manufacturer", "com.android.manufacturer")
_MODEL_KEYS = ("com.apple.quicktime.model", "model", "com.android.model")
_SOFTWARE_KEYS = ("encoder", "com.apple.quicktime.software", "software", "encoded_by",
                  "com.android.version")
_LOCATION_KEYS = ("com.apple.quicktime.location.iso6709", "location", "location-eng",
                  "com.android.location")
_DATE_KEYS = ("com.apple.quicktime.creationdate", "creation_time", "date")

_ISO6709 = re.compile(r"^\s*([+-]\d+(?:\.\d*)?)([+-]\d+(?:\.\d*)?)")


def _iso6709_angle(text: str, degree_digits: int) -> float:
    sign = -1.0 if text[0] == "-" else 1.0
    whole, _, fraction = text[1:].partition(".")
    frac = float(f"0.{fraction}") if fraction else 0.0
    extra = len(whole) - degree_digits
    if extra <= 0:
        value = int(whole) + frac
    elif extra == 2:  # DDMM.MMM
        value = int(whole[:-2]) + (int(whole[-2:]) + frac) / 60
    elif extra == 4:  # DDMMSS.SSS
        value = int(whole[:-4]) + int(whole[-4:-2]) / 60 + (int(whole[-2:]) + frac) / 3600
    else:
        raise ValueError(text)
    return sign * value


def parse_iso6709(text: str) -> GpsPoint | None:
    """The point in an ISO 6709 string such as '+37.7858-122.4064+012.000/', or None."""
    match = _ISO6709.match(text)
    if match is None:
        return None
    try:
        latitude = _iso6709_angle(match.group(1), 2)
        longitude = _iso6709_angle(match.group(2), 3)
    except ValueError:
        return None
    return _point(latitude, longitude)


def _point(latitude: float, longitude: float) -> GpsPoint | None:
    if not (math.isfinite(latitude) and math.isfinite(longitude)):
        return None
    if abs(latitude) > 90 or abs(longitude) > 180:
        return None
    return GpsPoint(round(latitude, 7), round(longitude, 7))


def _parse_date(text: str) -> datetime | None:
    text = text.strip().rstrip("\x00")
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.year >= 1971 else None  # 1904/1970 are "never set" in QuickTime/MP4


def _first(tags: Mapping[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = tags.get(key)
        if value and value.strip():
            return value.strip()
    return None


def _camera(make: str | None, model: str | None) -> str | None:
    if make and model:
        return model if model.lower().startswith(make.lower()) else f"{make} {model}"
    return make or model


def _add(found: list[str], name: str) -> None:
    if name not in found:
        found.append(name)


def _merged_tags(container: Any) -> dict[str, str]:
    """Container tags, then stream tags that the container lacks; keys lower-cased."""
    tags: dict[str, str] = {}
    for source in [container.metadata, *(s.metadata for s in container.streams)]:
        for key, value in source.items():
            tags.setdefault(key.lower(), str(value))
    return tags


def _seconds(value: int | None, time_base: Fraction | None) -> float | None:
    if value is None or time_base is None:
        return None
    return float(value * time_base)


def _check_complete(container: Any, stream: Any, end_s: float, path: Path, noun: str) -> None:
    """Seek near the end and demux: a cut-off file has no packets where its index says."""
    import av

    if stream.time_base is None or end_s <= 1.0:
        return
    margin = min(1.0, end_s * 0.1)
    start = _seconds(stream.start_time, stream.time_base) or 0.0
    target = int((start + end_s - margin - 0.5) / stream.time_base)
    try:
        container.seek(max(0, target), stream=stream, backward=True)
    except (av.error.FFmpegError, OSError, ValueError):
        return  # not seekable (no index); nothing cheap to check
    reached = -math.inf
    try:
        for packet in container.demux(stream):
            if packet.pts is None or packet.size == 0:
                continue
            end = float((packet.pts + (packet.duration or 0)) * stream.time_base)
            reached = max(reached, end)
    except (av.error.FFmpegError, OSError):
        pass
    if reached < start + end_s - margin:
        raise MediaError(f"this {noun} is incomplete: its last part is missing; it may have "
                         "been cut off while copying", path=path)


def _codec_name(stream: Any) -> str:
    """The format's name ("mp3"), not the decoder's ("mp3float")."""
    codec = stream.codec_context.codec
    return str(getattr(codec, "canonical_name", None) or codec.name)


def _probe_av(path: Path, kind: EvidenceKind, mime: str) -> MediaInfo:
    import av

    unreadable = _VIDEO_UNREADABLE if kind is EvidenceKind.VIDEO else _AUDIO_UNREADABLE
    try:
        container = av.open(str(path), metadata_errors="replace")
    except (av.error.FFmpegError, OSError, ValueError, UnicodeDecodeError) as exc:
        raise MediaError(unreadable, path=path) from exc
    try:
        return _probe_container(container, path, kind, mime, unreadable)
    except MediaError:
        raise
    except (av.error.FFmpegError, OSError, ValueError, ZeroDivisionError, EOFError) as exc:
        raise MediaError(unreadable, path=path) from exc
    finally:
        container.close()


def _probe_container(container: Any, path: Path, kind: EvidenceKind, mime: str,
                     unreadable: str) -> MediaInfo:
    import av

    attached = av.stream.Disposition.attached_pic
    videos = [s for s in container.streams.video if not s.disposition & attached]
    audios = list(container.streams.audio)
    if not videos and not audios:
        raise MediaError("this file has no picture or sound in it", path=path)
    if videos:
        if kind is not EvidenceKind.VIDEO:
            kind = EvidenceKind.VIDEO
            mime = {"audio/mp4": "video/mp4", "audio/ogg": "video/ogg",
                    "audio/webm": "video/webm"}.get(mime, mime)
    elif kind is EvidenceKind.VIDEO:
        kind = EvidenceKind.AUDIO
        mime = {"video/mp4": "audio/mp4", "video/quicktime": "audio/mp4",
                "video/x-m4v": "audio/mp4", "video/webm": "audio/webm",
                "video/x-matroska": "audio/x-matroska", "video/3gpp": "audio/3gpp",
                "video/ogg": "audio/ogg"}.get(mime, mime)
        unreadable = _AUDIO_UNREADABLE
    noun = "video" if kind is EvidenceKind.VIDEO else "sound file"
    main = videos[0] if videos else audios[0]

    duration = None
    if container.duration is not None and container.duration > 0:
        duration = container.duration / av.time_base
    stream_end = _seconds(main.duration, main.time_base)
    if duration is None:
        duration = stream_end
    # A frame must decode: the header alone can look fine on a broken file.
    width = height = None
    rotation = 0
    try:
        frame = next(container.decode(main), None)
    except (av.error.FFmpegError, OSError, ValueError) as exc:
        raise MediaError(unreadable, path=path) from exc
    if frame is None:
        raise MediaError(unreadable, path=path)
    if videos:
        width, height = main.codec_context.width or frame.width, (
            main.codec_context.height or frame.height)
        rotation = int(getattr(frame, "rotation", 0) or 0)
        if rotation % 180 != 0:
            width, height = height, width
    if stream_end is not None or duration is not None:
        _check_complete(container, main, stream_end or duration or 0.0, path, noun)

    tags = _merged_tags(container)
    identifying: list[str] = []
    gps = None
    location = _first(tags, _LOCATION_KEYS)
    if location:
        gps = parse_iso6709(location)
        _add(identifying, GPS)
    if any(s.codec_tag == "gpmd" or "gps" in s.metadata.get("handler_name", "").lower()
           for s in container.streams if s.type == "data"):
        _add(identifying, GPS_TRACK)
    make, model = _first(tags, _MAKE_KEYS), _first(tags, _MODEL_KEYS)
    camera = _camera(make, model)
    if camera:
        _add(identifying, CAMERA)
    for key in _SOFTWARE_KEYS:
        value = tags.get(key, "")
        if value and _DEVICE_WORDS.search(value) and not value.startswith(("Lavf", "Lavc")):
            _add(identifying, DEVICE)
    if _first(tags, _OWNER_KEYS):
        _add(identifying, OWNER)
    taken_at = None
    for key in _DATE_KEYS:
        if tags.get(key) and (taken_at := _parse_date(tags[key])) is not None:
            break
    return MediaInfo(
        kind=kind, mime_type=mime, duration_s=duration, width=width, height=height,
        has_audio=bool(audios), video_codec=_codec_name(videos[0]) if videos else None,
        audio_codec=_codec_name(audios[0]) if audios else None, taken_at=taken_at,
        gps=gps, camera=camera, identifying=tuple(identifying))


# --------------------------------------------------------------------------- images

_heif_registered = False


def _register_heif() -> None:
    global _heif_registered
    if not _heif_registered:
        import pillow_heif

        pillow_heif.register_heif_opener()
        _heif_registered = True


def _too_large(path: Path, exc: BaseException) -> MediaError:
    numbers = [int(n) for n in re.findall(r"\((\d+) pixels\)", str(exc))]
    if numbers:
        megapixels = round(numbers[0] / 1_000_000)
        return MediaError(f"the image is too large to open safely ({megapixels} megapixels)",
                          path=path)
    return MediaError("the image is too large to open safely", path=path)


_PIL_FORMATS: Final = ("JPEG", "PNG", "GIF", "WEBP", "TIFF", "BMP", "HEIF", "AVIF")


@contextlib.contextmanager
def open_image(path: Path) -> Iterator[Image.Image]:
    """Open an image with the decompression-bomb limit as an error, HEIC/HEIF support and
    MediaError for anything unreadable; the image is loaded lazily as Pillow does."""
    from PIL import Image, UnidentifiedImageError

    path = Path(path)
    _register_heif()
    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            # Only the formats mcdesk accepts: never EPS (Ghostscript), PSD, ICO and the rest.
            Image.init()
            image = Image.open(path, formats=[f for f in _PIL_FORMATS if f in Image.OPEN])
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _too_large(path, exc) from None
        except UnidentifiedImageError as exc:
            raise MediaError("this image cannot be read; it is damaged or not really an image",
                             path=path) from exc
        except (OSError, ValueError, SyntaxError, EOFError, struct.error) as exc:
            raise MediaError("this image cannot be read; it may be truncated or damaged",
                             path=path) from exc
        with image:
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise MediaError("the image is too large to open safely "
                                 f"({round(width * height / 1_000_000)} megapixels)", path=path)
            try:
                yield image
            except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
                raise _too_large(path, exc) from None
            except (OSError, ValueError, SyntaxError, EOFError, struct.error) as exc:
                raise MediaError("this image cannot be read; it may be truncated or damaged",
                                 path=path) from exc


def _exif_text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if isinstance(value, str):
        value = value.strip().strip("\x00").strip()
        return value or None
    return None


def _exif_float(value: object) -> float:
    return float(value)  # type: ignore[arg-type]


def _dms_to_degrees(value: object, ref: object) -> float | None:
    try:
        parts = [_exif_float(v) for v in value]  # type: ignore[attr-defined]
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if not parts or len(parts) > 3:
        return None
    parts += [0.0] * (3 - len(parts))
    degrees = parts[0] + parts[1] / 60 + parts[2] / 3600
    ref_text = (_exif_text(ref) or "").upper()[:1]
    return -degrees if ref_text in ("S", "W") else degrees


def _exif_date(date: object, offset: object) -> datetime | None:
    text = _exif_text(date)
    if not text:
        return None
    try:
        value = datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    zone = _exif_text(offset)
    if zone and re.fullmatch(r"[+-]\d\d:\d\d", zone):
        with contextlib.suppress(ValueError):
            value = datetime.fromisoformat(f"{value.isoformat()}{zone}")
    return value


_PNG_OWNER_KEYS = {"author", "artist", "copyright", "owner", "creator"}
_PNG_TECHNICAL_KEYS = {"software", "dpi", "gamma", "srgb", "icc_profile", "transparency",
                       "aspect", "interlace", "exif", "chromaticity", "creation time",
                       "dpi_x", "dpi_y"}


def _image_identifying(image: Image.Image, exif: Any) -> tuple[list[str], GpsPoint | None,
                                                               str | None, datetime | None]:
    identifying: list[str] = []
    gps = None
    gps_ifd = exif.get_ifd(0x8825)
    if gps_ifd:
        latitude = _dms_to_degrees(gps_ifd.get(2), gps_ifd.get(1))
        longitude = _dms_to_degrees(gps_ifd.get(4), gps_ifd.get(3))
        if latitude is not None and longitude is not None:
            gps = _point(latitude, longitude)
            _add(identifying, GPS)
    sub = exif.get_ifd(0x8769)
    if _exif_text(sub.get(0xA431)) or _exif_text(sub.get(0xA435)):
        _add(identifying, SERIAL)
    owner = [exif.get(0x013B), exif.get(0x8298), exif.get(0x9C9D), sub.get(0xA430)]
    if any(_exif_text(v) for v in owner):
        _add(identifying, OWNER)
    make, model = _exif_text(exif.get(0x010F)), _exif_text(exif.get(0x0110))
    camera = _camera(make, model)
    if camera:
        _add(identifying, CAMERA)
    info = image.info
    applist = getattr(image, "applist", [])
    if (info.get("xmp") or info.get("XML:com.adobe.xmp") or info.get("iptc")
            or any(marker == "APP13" for marker, _ in applist)
            or any(marker == "APP1" and data.startswith(b"http://ns.adobe.com/xap")
                   for marker, data in applist)):
        _add(identifying, XMP_IPTC)
    text_chunks: Mapping[str, object] = getattr(image, "text", None) or {}
    for key, value in text_chunks.items():
        lowered = key.lower()
        if lowered.startswith("xml:com.adobe.xmp") or lowered.startswith("raw profile type i"):
            _add(identifying, XMP_IPTC)
        elif lowered in _PNG_OWNER_KEYS:
            _add(identifying, OWNER)
        elif lowered not in _PNG_TECHNICAL_KEYS and not lowered.startswith("raw profile type"
                                                                           ) and str(value):
            _add(identifying, TEXT_NOTES)
    taken = _exif_date(sub.get(0x9003), sub.get(0x9011)) or _exif_date(sub.get(0x9004),
                                                                        sub.get(0x9012))
    return identifying, gps, camera, taken


def _probe_image(path: Path, mime: str) -> MediaInfo:
    from PIL import Image

    with open_image(path) as image:
        width, height = image.size
        if image.format == "MPO":  # a JPEG with extra pictures (iPhone depth maps)
            mime = "image/jpeg"
        elif image.format == "HEIF":
            mime = mime if mime.startswith(("image/hei", "image/avif")) else "image/heif"
        elif image.format and (pil_mime := Image.MIME.get(image.format.upper())):
            mime = pil_mime
        try:
            exif = image.getexif()
            orientation = exif.get(0x0112)
            identifying, gps, camera, taken = _image_identifying(image, exif)
        except Exception:  # a mangled EXIF block: unknown content, so say it is there
            orientation, gps, camera, taken = None, None, None, None
            identifying = [UNREADABLE_EXIF]
        if orientation in (5, 6, 7, 8):
            width, height = height, width
        # Decode (cheaply) so a truncated or corrupt picture is caught now, not in a package.
        if image.format in ("JPEG", "MPO"):
            image.draft("RGB", (512, 512))
        image.load()
    return MediaInfo(kind=EvidenceKind.IMAGE, mime_type=mime, width=width, height=height,
                     taken_at=taken, gps=gps, camera=camera, identifying=tuple(identifying))


# --------------------------------------------------------------------------- PDF

_PDF_ENCRYPTED = "this PDF is encrypted; remove its password and add it again"
_PDF_DAMAGED = "this PDF cannot be read; it may be damaged or incomplete"
_PDF_SOFTWARE = re.compile(
    r"word|writer|office|libreoffice|openoffice|acrobat|distiller|pdf|tex|pages|keynote|"
    r"quartz|google|chrome|chromium|skia|firefox|safari|microsoft|mac ?os|windows|apple|"
    r"adobe|indesign|illustrator|photoshop|canva|scanner|scan|epson|hp |xerox|ricoh|"
    r"\d+\.\d+", re.IGNORECASE)


def _pdf_has_end(path: Path) -> bool:
    size = path.stat().st_size
    with open(path, "rb") as fh:
        fh.seek(max(0, size - 8192))
        return b"%%EOF" in fh.read()


def open_pdf(path: Path) -> Any:
    """A pypdf PdfReader on `path`, or MediaError if it is incomplete, encrypted, damaged."""
    from pypdf import PdfReader

    if not _pdf_has_end(path):
        raise MediaError("this PDF is incomplete: its end is missing; it may have been cut off "
                         "while copying or downloading", path=path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pypdf warns about every repairable flaw
        try:
            reader = PdfReader(path, strict=False)
            encrypted = reader.is_encrypted
            if encrypted:
                try:
                    opened = bool(reader.decrypt(""))  # only an owner password: opens freely
                except Exception:
                    opened = False
                if not opened:
                    raise MediaError(_PDF_ENCRYPTED, path=path)
            if len(reader.pages) == 0:
                raise MediaError("this PDF has no pages", path=path)
        except MediaError:
            raise
        except RecursionError as exc:
            raise MediaError(_PDF_DAMAGED, path=path) from exc
        except Exception as exc:
            raise MediaError(_PDF_DAMAGED, path=path) from exc
    return reader


def _pdf_text(reader: Any, path: Path, cap: int) -> str:
    parts: list[str] = []
    size = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for page in reader.pages:
            try:
                text = page.extract_text() or ""
            except Exception:
                continue
            parts.append(text)
            size += len(text) + 1
            if size >= cap:
                break
    return "\n".join(parts)[:cap]


def _pdf_author_fields(reader: Any) -> list[str]:
    identifying: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            info = reader.metadata or {}
            author = _exif_text(info.get("/Author"))
            creator = _exif_text(info.get("/Creator"))
        except Exception:
            author = creator = None
        if author or (creator and not _PDF_SOFTWARE.search(creator)):
            _add(identifying, AUTHOR)
        try:
            xmp = reader.xmp_metadata
            names = xmp.dc_creator if xmp is not None else None
        except Exception:
            names = None
        if names and any(str(n).strip() for n in names):
            _add(identifying, AUTHOR)
    return identifying


def _probe_pdf(path: Path) -> MediaInfo:
    reader = open_pdf(path)
    text = _pdf_text(reader, path, TEXT_CAP)
    return MediaInfo(kind=EvidenceKind.DOCUMENT, mime_type="application/pdf",
                     pages=len(reader.pages), words=word_count(text), text=text,
                     identifying=tuple(_pdf_author_fields(reader)))


# --------------------------------------------------------------------------- DOCX

_DOCX_DAMAGED = "this Word document cannot be read; it may be damaged"
_XML_AUTHOR = re.compile(rb"""\s[\w.-]+:(?:author|initials)\s*=\s*("([^"]*)"|'([^']*)')""")
_APP_COMPANY = re.compile(rb"<(Company|Manager)>([^<]+)</\1>")


def _check_docx_zip(path: Path) -> dict[str, bytes]:
    """Check the archive (a Word document inside, no ZIP bomb) and return the small XML parts
    where names hide: comments, tracked changes, people, app properties."""
    import zipfile  # only Word documents need it

    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if sum(i.file_size for i in infos) > MAX_DOCX_UNPACKED:
                raise MediaError("this Word document is too large to open safely", path=path)
            names = {i.filename for i in infos}
            if "word/document.xml" not in names:
                raise MediaError(_DOCX_DAMAGED, path=path)
            return {name: archive.read(name) for name in sorted(names)
                    if name.endswith(".xml") and (name.startswith("word/")
                                                  or name == "docProps/app.xml")}
    except MediaError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
            KeyError, NotImplementedError) as exc:
        raise MediaError(_DOCX_DAMAGED, path=path) from exc


def open_docx(path: Path) -> Any:
    """A python-docx Document of `path`, or MediaError if it is damaged or a ZIP bomb."""
    import docx

    _check_docx_zip(path)
    try:
        return docx.Document(str(path))
    except Exception as exc:
        raise MediaError(_DOCX_DAMAGED, path=path) from exc


def _docx_blocks(container: Any, out: list[str], seen: set[Any]) -> None:
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    # A merged cell appears once per grid column it spans; holding the XML
                    # elements in `seen` keeps their identity stable.
                    if cell._tc in seen:
                        continue
                    seen.add(cell._tc)
                    _docx_blocks(cell, out, seen)
        else:
            out.append(block.text)


def _docx_text(path: Path, cap: int, document: Any = None) -> str:
    document = document if document is not None else open_docx(path)
    out: list[str] = []
    try:
        _docx_blocks(document, out, set())
    except Exception as exc:
        raise MediaError(_DOCX_DAMAGED, path=path) from exc
    return "\n".join(out)[:cap]


def _probe_docx(path: Path) -> MediaInfo:
    parts = _check_docx_zip(path)
    document = open_docx(path)
    text = _docx_text(path, TEXT_CAP, document)
    identifying: list[str] = []
    props = document.core_properties
    if (props.author or "").strip():
        _add(identifying, AUTHOR)
    if (props.last_modified_by or "").strip():
        _add(identifying, EDITOR)
    for name, data in parts.items():
        if name == "docProps/app.xml":
            if any(m.group(2).strip() for m in _APP_COMPANY.finditer(data)):
                _add(identifying, COMPANY)
        elif any((m.group(2) or m.group(3) or b"").strip() for m in _XML_AUTHOR.finditer(data)):
            _add(identifying, REVIEWERS)
    return MediaInfo(kind=EvidenceKind.DOCUMENT, mime_type=DOCX_MIME, words=word_count(text),
                     text=text, identifying=tuple(identifying))


# --------------------------------------------------------------------------- plain text


def _plain_text(path: Path, cap: int) -> str:
    try:
        with open(path, "rb") as fh:
            data = fh.read(cap * 4 + 4)
    except OSError as exc:
        raise MediaError(f"the file cannot be read ({exc.strerror or exc})", path=path) from None
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                          (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            decoder = codecs.getincrementaldecoder(encoding)("replace")
            return decoder.decode(data[len(bom):])[:cap]
    if b"\x00" in data[:8192]:
        raise MediaError("this is not a plain text file (it contains binary data)", path=path)
    try:
        text = codecs.getincrementaldecoder("utf-8")("strict").decode(data)
    except UnicodeDecodeError:
        text = data.decode("cp1252", "replace")
    return text[:cap]


def _probe_text(path: Path, mime: str) -> MediaInfo:
    text = _plain_text(path, TEXT_CAP)
    return MediaInfo(kind=EvidenceKind.TEXT, mime_type=mime, words=word_count(text), text=text)

