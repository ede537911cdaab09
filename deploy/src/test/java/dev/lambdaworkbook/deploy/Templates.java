package dev.lambdaworkbook.deploy;

/** Templates shaped like the exercises', one per kind of trigger. */
final class Templates {

    private Templates() {
    }

    static final String API = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Description: API que suma a + b
            Resources:
              SumaFunction:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: suma
                  Handler: dev.lambdaworkbook.sum.SumHandler::handleRequest
                  Runtime: java21
                  CodeUri: target/suma.zip
                  MemorySize: 512
                  Timeout: 10
                  Events:
                    Suma:
                      Type: Api
                      Properties:
                        Path: /suma
                        Method: get
            """;
    static final String API_HANDLER = "dev.lambdaworkbook.sum.SumHandler";

    static final String SCHEDULE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              ProgramadaFunction:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: programada
                  Handler: dev.lambdaworkbook.schedule.ScheduledHandler::handleRequest
                  Runtime: java21
                  CodeUri: target/programada.zip
                  MemorySize: 256
                  Timeout: 15
                  Events:
                    CadaMinuto:
                      Type: Schedule
                      Properties:
                        Schedule: rate(1 minute)
            """;
    static final String SCHEDULE_HANDLER = "dev.lambdaworkbook.schedule.ScheduledHandler";

    static final String S3 = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              EntradaBucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: master-trading-entrada
              SalidaBucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: master-trading-salida
              FiltroFunction:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: filtro-ticks
                  Handler: dev.lambdaworkbook.ticks.TickFilterHandler::handleRequest
                  Runtime: java21
                  CodeUri: target/filtro-ticks.zip
                  MemorySize: 1024
                  Timeout: 60
                  Environment:
                    Variables:
                      OUTPUT_BUCKET: !Ref SalidaBucket
                      OUTPUT_PREFIX: filtrado/
                  Events:
                    FicherosBme:
                      Type: S3
                      Properties:
                        Bucket: !Ref EntradaBucket
                        Events: s3:ObjectCreated:*
                        Filter:
                          S3Key:
                            Rules:
                              - Name: prefix
                                Value: bme/
                              - Name: suffix
                                Value: .csv
            """;
    static final String S3_HANDLER = "dev.lambdaworkbook.ticks.TickFilterHandler";

    static final String SECRET = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              ApiKey:
                Type: String
                NoEcho: true
            Resources:
              SalidaBucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: master-trading-datos
              DatosFunction:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: datos-mercado
                  Handler: dev.lambdaworkbook.marketdata.MarketDataHandler::handleRequest
                  Runtime: java21
                  CodeUri: target/datos-mercado.zip
                  MemorySize: 512
                  Timeout: 30
                  Environment:
                    Variables:
                      API_KEY: !Ref ApiKey
                      OUTPUT_BUCKET: !Ref SalidaBucket
                      API_URL: https://api.example.invalid
            """;
    static final String SECRET_HANDLER = "dev.lambdaworkbook.marketdata.MarketDataHandler";

    static final String NO_TRIGGER = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              HolaFunction:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: hola-mundo
                  Handler: dev.lambdaworkbook.hello.HelloHandler::handleRequest
                  Runtime: java21
                  CodeUri: target/hola-mundo.zip
                  MemorySize: 512
                  Timeout: 10
            """;
    static final String NO_TRIGGER_HANDLER = "dev.lambdaworkbook.hello.HelloHandler";
}
