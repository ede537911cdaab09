///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS software.amazon.awssdk:bom:2.59.1@pom
//DEPS software.amazon.awssdk:lambda
//DEPS software.amazon.awssdk:iam
//DEPS software.amazon.awssdk:s3
//DEPS software.amazon.awssdk:eventbridge
//DEPS software.amazon.awssdk:apigateway
//DEPS software.amazon.awssdk:sts
//DEPS software.amazon.awssdk:sso
//DEPS software.amazon.awssdk:ssooidc
//DEPS com.fasterxml.jackson:jackson-bom:2.21.8@pom
//DEPS com.fasterxml.jackson.core:jackson-databind
//DEPS org.yaml:snakeyaml:2.5
//DEPS com.cronutils:cron-utils:9.2.1
//DEPS org.slf4j:slf4j-nop:2.0.17
//SOURCES deploy/src/main/java/dev/lambdaworkbook/deploy/*.java
//SOURCES kit/core/src/main/java/dev/lambdaworkbook/kit/config/*.java
//SOURCES kit/core/src/main/java/dev/lambdaworkbook/kit/schedule/*.java
//SOURCES kit/core/src/main/java/dev/lambdaworkbook/kit/zip/LambdaPackageInspector.java
//SOURCES kit/core/src/main/java/dev/lambdaworkbook/kit/zip/PackageInspection.java
//SOURCES kit/core/src/main/java/dev/lambdaworkbook/kit/zip/PackageProblem.java

// Deploys an exercise of the workbook to a real AWS account with its trigger, and removes it again:
//
//   ./jbang deploy.java 07 --plan        what would change, without changing anything
//   ./jbang deploy.java 07               deploy, then invoke once with the sample event
//   ./jbang deploy.java 07 --destruir    remove everything it created
//   ./jbang deploy.java --ayuda          every option
//
// The code is in deploy/src/main/java, the Maven module `deploy`, whose tests run it against a fake of the AWS APIs.
// The kit's sources are compiled in directly, so nothing needs installing first. The versions above must match the
// root pom.xml, which DeployScriptTest checks.

import dev.lambdaworkbook.deploy.DeployCli;

class deploy {

    public static void main(String... arguments) {
        DeployCli.main(arguments);
    }
}
