package com.kin.templatecheck;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The reactor's modules (root pom {@code <modules>}) and their non-test {@code com.kin} dependencies, from the poms. */
public final class ModuleGraph {

    /** A module: its directory (relative to the root), artifactId and the com.kin artifacts it needs at run time. */
    public record Module(String dir, String artifactId, List<String> kinDependencies) {
    }

    private final Map<String, Module> byArtifact;

    private ModuleGraph(Map<String, Module> byArtifact) {
        this.byArtifact = byArtifact;
    }

    public static ModuleGraph read(Path root) {
        Map<String, Module> modules = new LinkedHashMap<>();
        Document rootPom = parse(root.resolve("pom.xml"));
        NodeList moduleNodes = rootPom.getElementsByTagName("module");
        for (int i = 0; i < moduleNodes.getLength(); i++) {
            String dir = moduleNodes.item(i).getTextContent().trim();
            Module module = module(dir, parse(root.resolve(dir).resolve("pom.xml")));
            modules.put(module.artifactId(), module);
        }
        return new ModuleGraph(modules);
    }

    /** Every module of the reactor, in the root pom's order. */
    public List<Module> all() {
        return List.copyOf(byArtifact.values());
    }

    /** The module in {@code dir} and every reactor module it depends on at run time, transitively, itself first. */
    public List<Module> withRuntimeDependencies(String dir) {
        Module start = byArtifact.values().stream().filter(module -> module.dir().equals(dir)).findFirst()
                .orElseThrow(() -> new IllegalStateException("template-check - " + dir + " is not a module of the root pom"));
        Set<Module> seen = new LinkedHashSet<>();
        Deque<Module> pending = new ArrayDeque<>(List.of(start));
        while (!pending.isEmpty()) {
            Module module = pending.pop();
            if (seen.add(module)) {
                module.kinDependencies().stream().map(byArtifact::get).filter(java.util.Objects::nonNull)
                        .forEach(pending::add);
            }
        }
        return List.copyOf(seen);
    }

    private static Module module(String dir, Document pom) {
        Element project = pom.getDocumentElement();
        String artifactId = childText(project, "artifactId");
        List<String> dependencies = new java.util.ArrayList<>();
        Element dependenciesElement = child(project, "dependencies");
        if (dependenciesElement != null) {
            NodeList list = dependenciesElement.getElementsByTagName("dependency");
            for (int i = 0; i < list.getLength(); i++) {
                Element dependency = (Element) list.item(i);
                boolean kin = "com.kin".equals(childText(dependency, "groupId"));
                String scope = childText(dependency, "scope");
                // provided: compiled against, never shipped nor inherited (kin-snapstart's optional steps)
                boolean runtime = !"test".equals(scope) && !"provided".equals(scope);
                if (kin && runtime) {
                    dependencies.add(childText(dependency, "artifactId"));
                }
            }
        }
        return new Module(dir, artifactId, List.copyOf(dependencies));
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String childText(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().trim();
    }

    private static Document parse(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(pom.toFile());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("template-check - cannot read " + pom, e);
        }
    }
}
