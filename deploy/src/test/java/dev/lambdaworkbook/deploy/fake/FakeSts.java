package dev.lambdaworkbook.deploy.fake;

import java.util.Map;
import java.util.UUID;

/** STS's query API: only GetCallerIdentity, which the script uses to learn the account and check credentials. */
final class FakeSts {

    private final FakeAws fake;

    FakeSts(FakeAws fake) {
        this.fake = fake;
    }

    void handle(Request request) {
        String action = request.form().getOrDefault("Action", "?");
        fake.record("sts", action, 200);
        FakeHttp.send(request.exchange(), 200, "text/xml", """
                <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <GetCallerIdentityResult>
                    <Arn>arn:aws:iam::%1$s:user/alumno</Arn>
                    <UserId>AIDAEXAMPLEALUMNO</UserId>
                    <Account>%1$s</Account>
                  </GetCallerIdentityResult>
                  <ResponseMetadata><RequestId>%2$s</RequestId></ResponseMetadata>
                </GetCallerIdentityResponse>""".formatted(FakeAws.ACCOUNT, UUID.randomUUID()), Map.of());
    }
}
