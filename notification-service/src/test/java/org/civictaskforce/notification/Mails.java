package org.civictaskforce.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;

import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Reading the mails the service sent to the test SMTP server, and a free port to run that server on. */
public final class Mails {
    private Mails() {
    }

    /** The subject, or "" when there is none or it cannot be read. */
    public static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    /** The first text/plain part, however deep in the multipart tree. */
    public static String text(MimeMessage message) {
        try {
            Multipart multipart = (Multipart) message.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = textIn(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
            throw new AssertionError("no text part");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String textIn(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = textIn(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Every part of this media type (e.g. {@code text/calendar}), however deep in the multipart tree. */
    public static java.util.List<Part> parts(Part part, String mimeType) {
        java.util.List<Part> found = new java.util.ArrayList<>();
        try {
            if (part.isMimeType(mimeType)) {
                found.add(part);
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    found.addAll(parts(multipart.getBodyPart(i), mimeType));
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return found;
    }

    public static boolean addressedTo(MimeMessage message, String email) {
        try {
            Address[] to = message.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> ((InternetAddress) a).getAddress().equals(email));
        } catch (Exception e) {
            return false;
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
