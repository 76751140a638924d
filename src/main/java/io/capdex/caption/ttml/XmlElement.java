package io.capdex.caption.ttml;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parsed XML element: just what the TTML reader needs, with the line it started on. Built once per read by
 * {@link TtmlReader} and not shared, so it may be filled in place.
 */
final class XmlElement {
    final String ns;
    final String local;
    final int line;
    final List<String> attrNs = new ArrayList<>(4);
    final List<String> attrLocal = new ArrayList<>(4);
    final List<String> attrValue = new ArrayList<>(4);
    /** Child elements and text ({@link String}), in document order. */
    final List<Object> children = new ArrayList<>(2);
    /** False when the document ended (or broke) before the end tag: such a caption may be cut. */
    boolean closed;

    XmlElement(String ns, String local, int line) {
        this.ns = ns;
        this.local = local;
        this.line = line;
    }

    /** An attribute with no namespace. */
    @Nullable String attr(String name) {
        for (int i = 0; i < attrLocal.size(); i++) {
            if (attrNs.get(i).isEmpty() && attrLocal.get(i).equals(name)) {
                return attrValue.get(i);
            }
        }
        return null;
    }

    /** An attribute in a namespace whose URI ends with {@code nsSuffix} ({@code #styling}, {@code #parameter}). */
    @Nullable String attrIn(String nsSuffix, String name) {
        for (int i = 0; i < attrLocal.size(); i++) {
            if (attrLocal.get(i).equals(name) && attrNs.get(i).endsWith(nsSuffix)) {
                return attrValue.get(i);
            }
        }
        return null;
    }

    /** {@code xml:id}, or a plain {@code id} as some tools write. */
    @Nullable String id() {
        String v = attrIn(javax.xml.XMLConstants.XML_NS_URI, "id");
        return v != null ? v : attr("id");
    }

    @Nullable String xmlAttr(String name) {
        return attrIn(javax.xml.XMLConstants.XML_NS_URI, name);
    }

    void addText(String text) {
        int last = children.size() - 1;
        if (last >= 0 && children.get(last) instanceof String s) {
            children.set(last, s + text);
        } else {
            children.add(text);
        }
    }

    List<XmlElement> elements() {
        List<XmlElement> out = new ArrayList<>();
        for (Object c : children) {
            if (c instanceof XmlElement e) {
                out.add(e);
            }
        }
        return out;
    }

    /** All text below this element, concatenated. */
    String textContent() {
        StringBuilder sb = new StringBuilder();
        appendText(sb);
        return sb.toString();
    }

    private void appendText(StringBuilder sb) {
        for (Object c : children) {
            if (c instanceof String s) {
                sb.append(s);
            } else {
                ((XmlElement) c).appendText(sb);
            }
        }
    }
}
