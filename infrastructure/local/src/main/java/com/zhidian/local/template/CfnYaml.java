package com.zhidian.local.template;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Loads CloudFormation / SAM YAML. The short tags ({@code !Ref}, {@code !Sub}, {@code !GetAtt}, {@code !If} ...)
 * become the long form CloudFormation itself uses ({@code {"Ref": x}}, {@code {"Fn::Sub": ...}}), so callers
 * see one shape whichever form the template author chose.
 */
public final class CfnYaml {
    private CfnYaml() {}

    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs",
            "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or",
            "ToJsonString", "Length", "ForEach");

    /** In a flow mapping, {@code Path: /a/{id}} is not valid YAML ({@code {} end the plain scalar): SAM refuses it. */
    private static final Pattern UNQUOTED_FLOW_PATH = Pattern.compile("(\\bPath:[ \\t]*)(/[\\w/{}+.\\-]*\\{[\\w/{}+.\\-]*)(?=[ \\t]*[,}])");

    public static Map<String, Object> load(Reader reader) {
        String text;
        try {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            for (int n; (n = reader.read(buf)) > 0; ) sb.append(buf, 0, n);
            text = sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return load(text);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> load(String text) {
        Object doc;
        try {
            doc = parse(text);
        } catch (MarkedYAMLException e) {
            // be lenient about one common slip, and say so: unquoted path templates inside { ... }
            Matcher m = UNQUOTED_FLOW_PATH.matcher(text);
            if (!m.find()) throw e;
            String fixed = m.replaceAll("$1'$2'");
            doc = parse(fixed);
            System.err.println("[zhidian-local] WARNING: template.yaml is not valid YAML: " + e.getProblem() + " "
                    + e.getProblemMark() + ". Path templates such as /a/{id} inside a flow mapping { ... } must be quoted"
                    + " (SAM/CloudFormation would refuse the file); read here as if they were.");
        }
        if (!(doc instanceof Map)) throw new IllegalArgumentException("template is not a YAML mapping");
        return (Map<String, Object>) doc;
    }

    private static Object parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(200);
        return new Yaml(new Constructor(options)).load(text);
    }

    private static final class Constructor extends SafeConstructor {
        Constructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new Fn("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Fn("Condition"));
            for (String f : FUNCTIONS) yamlConstructors.put(new Tag("!" + f), new Fn("Fn::" + f));
        }

        private final class Fn extends AbstractConstruct {
            private final String key;

            Fn(String key) { this.key = key; }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode s) {
                    String text = constructScalar(s);
                    // !GetAtt Resource.Attribute is the short form of ["Resource", "Attribute"]
                    if (key.equals("Fn::GetAtt") && text.contains(".")) {
                        int dot = text.indexOf('.');
                        value = List.of(text.substring(0, dot), text.substring(dot + 1));
                    } else {
                        value = text;
                    }
                } else if (node instanceof SequenceNode seq) {
                    value = constructSequence(seq);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put(key, value);
                return m;
            }
        }
    }
}
