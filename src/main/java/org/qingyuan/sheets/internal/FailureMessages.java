package org.qingyuan.sheets.internal;

import java.io.IOException;
import java.util.zip.ZipException;

import javax.xml.stream.XMLStreamException;

import org.dhatim.fastexcel.reader.ExcelReaderException;

/**
 * The Chinese reason a user reads when an import job fails. Exception classes and their English
 * messages (an XML parser's {@code WFCException}, an {@code OutOfMemoryError}) go to the log only.
 */
final class FailureMessages {

    static final String PREFIX = "导入失败，未写入任何数据：";

    private FailureMessages() {
    }

    static String of(Throwable failure) {
        if (failure instanceof Cells.Unreadable) {
            return failure.getMessage();
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Cells.Unreadable) {
                return t.getMessage();
            }
            if (t instanceof OutOfMemoryError) {
                return PREFIX + "文件过大，服务器内存不足以读取；请拆分成几个文件分批导入";
            }
            if (t instanceof XMLStreamException || t instanceof ExcelReaderException || t instanceof ZipException) {
                return PREFIX + "文件已损坏，或不是有效的 Excel 工作簿（请在 Excel 中打开后另存为 .xlsx 再导入）";
            }
            if (t instanceof org.apache.poi.EmptyFileException || t instanceof org.apache.poi.poifs.filesystem.NotOLE2FileException
                    || t instanceof org.apache.poi.util.RecordFormatException) {
                return PREFIX + "旧版 .xls 文件已损坏，无法读取（请在 Excel 中打开后另存为 .xlsx 再导入）";
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return PREFIX + "无法读取文件（文件可能已损坏或不完整）";
            }
        }
        return PREFIX + "处理时出现内部错误，详情已记入服务器日志，请联系系统管理员";
    }
}
