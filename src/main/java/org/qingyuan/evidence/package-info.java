/** The dossier (一企一档): photos, videos and documents in a content-addressed SM3-checked store, EXIF time and place, thumbnails, removed-equipment lists. */
@org.springframework.modulith.ApplicationModule(displayName = "Evidence")
package org.qingyuan.evidence;
