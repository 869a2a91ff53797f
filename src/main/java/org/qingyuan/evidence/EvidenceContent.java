package org.qingyuan.evidence;

import java.io.InputStream;

/** The verified content of a file (or thumbnail), ready to stream. */
public record EvidenceContent(String mediaType, String fileName, long size, String sm3, InputStream stream) {
}
