package dev.lambdaworkbook.deploy.fake;

import static dev.lambdaworkbook.deploy.fake.FakeHttp.xml;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** IAM's query API (form-encoded requests, XML responses), for roles and their policies. */
public final class FakeIam {

    private static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

    /** A role as IAM stores it. */
    public static final class Role {
        final String name;
        final String arn;
        String trustPolicy;
        final Map<String, String> tags = new LinkedHashMap<>();
        final Set<String> attached = new LinkedHashSet<>();
        final Map<String, String> inline = new TreeMap<>();

        Role(String name, String trustPolicy) {
            this.name = name;
            this.arn = "arn:aws:iam::" + FakeAws.ACCOUNT + ":role/" + name;
            this.trustPolicy = trustPolicy;
        }

        public Set<String> attached() {
            return attached;
        }

        public Map<String, String> inline() {
            return inline;
        }

        public String trustPolicy() {
            return trustPolicy;
        }
    }

    private final FakeAws fake;
    private final Map<String, Role> roles = new TreeMap<>();

    FakeIam(FakeAws fake) {
        this.fake = fake;
    }

    public synchronized Set<String> roleNames() {
        return Set.copyOf(roles.keySet());
    }

    public synchronized Role role(String name) {
        return roles.get(name);
    }

    /** Creates a role outside the script, as someone would in the console. */
    public synchronized Role putRole(String name, String trustPolicy) {
        Role role = new Role(name, trustPolicy);
        roles.put(name, role);
        return role;
    }

    synchronized boolean trustsLambda(String arn) {
        return roles.values().stream().anyMatch(role -> role.arn.equals(arn)
                && role.trustPolicy.contains("lambda.amazonaws.com"));
    }

    synchronized void handle(Request request) {
        Map<String, String> form = request.form();
        String action = form.getOrDefault("Action", "?");
        FakeAws.Fault fault = fake.nextFault("iam", action);
        if (fault == FakeAws.Fault.DROP_CONNECTION) {
            fake.record("iam", action, 0);
            FakeHttp.drop(request.exchange());
            return;
        }
        if (fault == FakeAws.Fault.ACCESS_DENIED) {
            error(request, action, 403, "AccessDenied", "User: arn:aws:iam::" + FakeAws.ACCOUNT + ":user/alumno is "
                    + "not authorized to perform: iam:" + action + " on resource: role " + form.get("RoleName")
                    + " because no identity-based policy allows the iam:" + action + " action");
            return;
        }
        if (fault != null) {
            error(request, action, 429, "Throttling", "Rate exceeded");
            return;
        }
        String name = form.get("RoleName");
        Role role = name == null ? null : roles.get(name);
        if (!action.equals("CreateRole") && name != null && role == null) {
            error(request, action, 404, "NoSuchEntity", "The role with name " + name + " cannot be found.");
            return;
        }
        switch (action) {
            case "GetRole" -> ok(request, action, "<Role>" + roleXml(role) + "</Role>");
            case "CreateRole" -> createRole(request, form, name);
            case "AttachRolePolicy" -> {
                role.attached.add(form.get("PolicyArn"));
                ok(request, action, "");
            }
            case "DetachRolePolicy" -> {
                if (!role.attached.remove(form.get("PolicyArn"))) {
                    error(request, action, 404, "NoSuchEntity", "Policy " + form.get("PolicyArn")
                            + " was not found.");
                    return;
                }
                ok(request, action, "");
            }
            case "ListAttachedRolePolicies" -> ok(request, action, "<AttachedPolicies>"
                    + String.join("", role.attached.stream().map(arn -> "<member><PolicyName>"
                            + xml(arn.substring(arn.lastIndexOf('/') + 1)) + "</PolicyName><PolicyArn>" + xml(arn)
                            + "</PolicyArn></member>").toList())
                    + "</AttachedPolicies><IsTruncated>false</IsTruncated>");
            case "PutRolePolicy" -> {
                role.inline.put(form.get("PolicyName"), form.get("PolicyDocument"));
                ok(request, action, "");
            }
            case "GetRolePolicy" -> {
                String document = role.inline.get(form.get("PolicyName"));
                if (document == null) {
                    error(request, action, 404, "NoSuchEntity", "The role policy with name "
                            + form.get("PolicyName") + " cannot be found.");
                    return;
                }
                ok(request, action, "<RoleName>" + xml(name) + "</RoleName><PolicyName>" + xml(form.get("PolicyName"))
                        + "</PolicyName><PolicyDocument>" + xml(encode(document)) + "</PolicyDocument>");
            }
            case "ListRolePolicies" -> ok(request, action, "<PolicyNames>" + String.join("", role.inline.keySet()
                    .stream().map(policy -> "<member>" + xml(policy) + "</member>").toList())
                    + "</PolicyNames><IsTruncated>false</IsTruncated>");
            case "DeleteRolePolicy" -> {
                role.inline.remove(form.get("PolicyName"));
                ok(request, action, "");
            }
            case "DeleteRole" -> {
                if (!role.attached.isEmpty() || !role.inline.isEmpty()) {
                    error(request, action, 409, "DeleteConflict",
                            "Cannot delete entity, must detach all policies first.");
                    return;
                }
                roles.remove(name);
                ok(request, action, "");
            }
            default -> error(request, action, 400, "InvalidAction", "Acción no simulada: " + action);
        }
    }

    private void createRole(Request request, Map<String, String> form, String name) {
        if (roles.containsKey(name)) {
            error(request, "CreateRole", 409, "EntityAlreadyExists", "Role with name " + name + " already exists.");
            return;
        }
        Role role = new Role(name, form.get("AssumeRolePolicyDocument"));
        for (int i = 1; form.containsKey("Tags.member." + i + ".Key"); i++) {
            role.tags.put(form.get("Tags.member." + i + ".Key"), form.get("Tags.member." + i + ".Value"));
        }
        roles.put(name, role);
        ok(request, "CreateRole", "<Role>" + roleXml(role) + "</Role>");
    }

    private static String roleXml(Role role) {
        StringBuilder tags = new StringBuilder();
        role.tags.forEach((key, value) -> tags.append("<member><Key>").append(xml(key)).append("</Key><Value>")
                .append(xml(value)).append("</Value></member>"));
        return "<Path>/</Path><RoleName>" + xml(role.name) + "</RoleName><RoleId>AROA" + role.name.hashCode()
                + "</RoleId><Arn>" + xml(role.arn) + "</Arn><CreateDate>2026-03-19T09:00:00Z</CreateDate>"
                + "<AssumeRolePolicyDocument>" + xml(encode(role.trustPolicy)) + "</AssumeRolePolicyDocument>"
                + (role.tags.isEmpty() ? "" : "<Tags>" + tags + "</Tags>");
    }

    /** IAM returns policy documents URL-encoded. */
    private static String encode(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void ok(Request request, String action, String result) {
        fake.record("iam", action, 200);
        FakeHttp.send(request.exchange(), 200, "text/xml", "<" + action + "Response xmlns=\"" + NAMESPACE + "\">"
                + (result.isEmpty() ? "" : "<" + action + "Result>" + result + "</" + action + "Result>")
                + "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata></"
                + action + "Response>", Map.of());
    }

    private void error(Request request, String action, int status, String code, String message) {
        fake.record("iam", action, status);
        FakeHttp.send(request.exchange(), status, "text/xml", "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error>"
                + "<Type>Sender</Type><Code>" + code + "</Code><Message>" + xml(message) + "</Message></Error>"
                + "<RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>", Map.of());
    }

}
