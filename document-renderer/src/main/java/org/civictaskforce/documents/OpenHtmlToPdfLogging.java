package org.civictaskforce.documents;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.util.logging.Level;

/**
 * Sends openhtmltopdf's log through commons-logging (and so to the service's logback) instead of its own
 * console handler; its INFO chatter (timings, font loading) becomes DEBUG.
 */
final class OpenHtmlToPdfLogging implements XRLogger {

    private static volatile boolean installed;

    static void install() {
        if (!installed) {
            synchronized (OpenHtmlToPdfLogging.class) {
                if (!installed) {
                    XRLog.setLoggerImpl(new OpenHtmlToPdfLogging());
                    installed = true;
                }
            }
        }
    }

    private static Log log(String where) {
        return LogFactory.getLog(where == null ? "com.openhtmltopdf" : where);
    }

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Log log = log(where);
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            log.error(msg, th);
        } else if (value >= Level.WARNING.intValue()) {
            log.warn(msg, th);
        } else if (value >= Level.INFO.intValue()) {
            log.debug(msg, th);
        } else {
            log.trace(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels are the service's logging configuration's business
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Log log = log("com.openhtmltopdf");
        int value = diagnostic.getLevel().intValue();
        return value >= Level.WARNING.intValue() ? log.isWarnEnabled()
                : value >= Level.INFO.intValue() ? log.isDebugEnabled() : log.isTraceEnabled();
    }
}
