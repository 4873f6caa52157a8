package org.civictaskforce.documents;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses section bodies (CommonMark) for the HTML, PDF and DOCX writers: headings inside a body are
 * moved below the section's own level, and images become links to their address (a document never
 * loads a remote picture: it would tell the picture's host who opened the document).
 */
final class MarkdownBodies {

    private static final Parser PARSER = Parser.builder().build();

    private MarkdownBodies() {
    }

    static Node parse(String markdown, int sectionLevel) {
        Node document = PARSER.parse(markdown);
        List<Image> images = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.min(6, heading.getLevel() + sectionLevel + 1));
                visitChildren(heading);
            }

            @Override
            public void visit(Image image) {
                images.add(image);
                visitChildren(image);
            }
        });
        for (Image image : images) {
            Link link = new Link(image.getDestination(), image.getTitle());
            Node child = image.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                link.appendChild(child);
                child = next;
            }
            if (link.getFirstChild() == null) {
                link.appendChild(new org.commonmark.node.Text(image.getDestination()));
            }
            image.insertBefore(link);
            image.unlink();
        }
        return document;
    }
}
