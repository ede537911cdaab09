package dev.lambdaworkbook.kit.services.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * S3's XML documents: a small writer that escapes text, and a parser for request bodies that rejects DOCTYPEs, so
 * no external entity or entity expansion is ever processed.
 */
final class S3Xml {

    static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

    private final StringBuilder text = new StringBuilder(256).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

    /** Starts a document whose root element carries S3's namespace. */
    static S3Xml document(String root) {
        S3Xml xml = new S3Xml();
        xml.text.append('<').append(root).append(" xmlns=\"").append(NAMESPACE).append("\">");
        return xml;
    }

    /** Starts a document whose root element has no namespace, as S3's {@code <Error>}. */
    static S3Xml plainDocument(String root) {
        S3Xml xml = new S3Xml();
        xml.text.append('<').append(root).append('>');
        return xml;
    }

    S3Xml open(String name) {
        text.append('<').append(name).append('>');
        return this;
    }

    S3Xml close(String name) {
        text.append("</").append(name).append('>');
        return this;
    }

    /** Writes {@code <name>value</name>}; a null value writes nothing. */
    S3Xml element(String name, Object value) {
        if (value == null) {
            return this;
        }
        open(name);
        escape(value.toString());
        return close(name);
    }

    /** Writes escaped text inside the element that is open. */
    S3Xml text(String value) {
        escape(value);
        return this;
    }

    byte[] finish(String root) {
        close(root);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> text.append("&amp;");
                case '<' -> text.append("&lt;");
                case '>' -> text.append("&gt;");
                case '"' -> text.append("&quot;");
                case '\'' -> text.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        text.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else {
                        text.append(c);
                    }
                }
            }
        }
    }

    /**
     * Parses a request body and checks its root element's local name.
     *
     * @throws S3Error MalformedXML when the body is not well-formed, has a DOCTYPE or another root
     */
    static Element parse(byte[] body, String expectedRoot) {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            Element root = builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
            if (!expectedRoot.equals(root.getLocalName())) {
                throw S3Error.malformedXml();
            }
            return root;
        } catch (SAXException | IOException malformed) {
            throw S3Error.malformedXml();
        } catch (ParserConfigurationException unsupported) {
            throw new IllegalStateException("The JDK's XML parser rejects a plain configuration", unsupported);
        }
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException unsupported) {
            throw new IllegalStateException("The JDK's XML parser rejects its own security features", unsupported);
        }
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /** Returns the child elements with this local name, in document order. */
    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    /** Returns the text of the only child element with this name, or null when there is none. */
    static String childText(Element parent, String name) {
        List<Element> found = children(parent, name);
        if (found.size() > 1) {
            throw S3Error.malformedXml();
        }
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }
}
