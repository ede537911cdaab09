package dev.lambdaworkbook.sum;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.math.BigDecimal;

public class SumHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        BigDecimal a = new BigDecimal(event.getQueryStringParameters().get("a"));
        BigDecimal b = new BigDecimal(event.getQueryStringParameters().get("b"));
        return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody("{\"suma\":" + a.add(b) + "}");
    }
}
