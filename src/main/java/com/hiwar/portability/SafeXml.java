package com.hiwar.portability;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streaming XML for uploads nobody vouches for: no DOCTYPE at all (so no entity bombs and no
 * external entities: neither export format has one), a bound on element depth and on the text of
 * one element, and every event read in order, so a 1 GB file never sits in memory.
 */
final class SafeXml {

    /** What is wrong with an upload, said so that the admin can fix the file. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private static final XMLInputFactory FACTORY = factory();

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    private final XMLStreamReader reader;
    private final int maxDepth;
    private final int maxText;
    private int depth;

    SafeXml(InputStream in, int maxDepth, int maxText) throws Refused {
        this.maxDepth = maxDepth;
        this.maxText = maxText;
        try {
            reader = FACTORY.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    /** The next start or end of an element (other events are skipped); false at the end of the document. */
    boolean next() throws Refused {
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD ->
                            throw new Refused("the file has a DOCTYPE; WordPress and Disqus exports have none, and entities are not expanded here");
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                            throw new Refused("the file refers to an entity (&" + reader.getLocalName() + ";) that XML does not define");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++depth > maxDepth) {
                            throw new Refused("elements are nested " + depth + " deep at line " + reader.getLocation().getLineNumber()
                                    + "; this format has at most " + maxDepth);
                        }
                        return true;
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        depth--;
                        return true;
                    }
                    default -> { }
                }
            }
            return false;
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    boolean isStart() {
        return reader.getEventType() == XMLStreamConstants.START_ELEMENT;
    }

    String name() {
        return reader.getLocalName();
    }

    String namespace() {
        String ns = reader.getNamespaceURI();
        return ns == null ? "" : ns;
    }

    String attribute(String namespacePrefix, String localName) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String ns = reader.getAttributeNamespace(i);
            if (reader.getAttributeLocalName(i).equals(localName) && (namespacePrefix == null || ns != null && ns.startsWith(namespacePrefix))) {
                return reader.getAttributeValue(i);
            }
        }
        return null;
    }

    int depth() {
        return depth;
    }

    int line() {
        return reader.getLocation().getLineNumber();
    }

    /** The text of the element just started, up to its end (which it consumes); nested elements are refused. */
    String text() throws Refused {
        StringBuilder out = new StringBuilder();
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (out.length() + reader.getTextLength() > maxText) {
                            throw new Refused("an element at line " + line() + " holds more than " + maxText + " characters");
                        }
                        out.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        depth--;
                        return out.toString();
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                            throw new Refused("the file refers to an entity (&" + reader.getLocalName() + ";) that XML does not define");
                    case XMLStreamConstants.START_ELEMENT ->
                            throw new Refused("<" + reader.getLocalName() + "> at line " + line() + " is inside an element that holds text");
                    default -> { }
                }
            }
            throw new Refused("the file ends inside an element");
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    /**
     * The next child element of the element started at {@code parentDepth}, started; false once
     * that element has ended (its end consumed).
     */
    boolean nextChild(int parentDepth) throws Refused {
        while (next() && depth >= parentDepth) {
            if (isStart()) {
                return true;
            }
        }
        return false;
    }

    /** Skips the element just started, with everything in it. */
    void skip() throws Refused {
        int until = depth - 1;
        while (depth > until) {
            if (!next()) {
                throw new Refused("the file ends inside an element");
            }
        }
    }

    private static Refused malformed(XMLStreamException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage().replaceAll("\\s+", " ").strip();
        return new Refused("not well-formed XML (or not in the encoding it declares): " + message);
    }
}
