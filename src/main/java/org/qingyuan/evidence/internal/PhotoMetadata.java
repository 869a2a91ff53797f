package org.qingyuan.evidence.internal;

import java.io.File;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;

/**
 * The EXIF capture time and GPS position of a photo (metadata-extractor). A capture time
 * without an offset is read as China time, as phones sold there record it.
 *
 * @param orientation the EXIF orientation (1 = upright, 6 = turned right …), 1 when absent
 */
record PhotoMetadata(Instant capturedAt, Double latitude, Double longitude, int orientation) {

    static final PhotoMetadata NONE = new PhotoMetadata(null, null, null, 1);

    static PhotoMetadata read(File file) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(file);
            Instant captured = null;
            ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (exif != null) {
                Date date = exif.getDateOriginal(TimeZone.getTimeZone("Asia/Shanghai"));
                captured = date == null ? null : date.toInstant();
            }
            Double lat = null;
            Double lon = null;
            GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
            if (gps != null) {
                GeoLocation location = gps.getGeoLocation();
                if (location != null && !location.isZero()) {
                    lat = location.getLatitude();
                    lon = location.getLongitude();
                }
            }
            int orientation = 1;
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                Integer o = ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
                orientation = o == null ? 1 : o;
            }
            return new PhotoMetadata(captured, lat, lon, orientation);
        } catch (Exception e) {
            return NONE;
        }
    }
}
