# The chipwatch CLI image: build with Maven, run on a JRE. Used by docker-compose.yml for the
# stage processes (`chipwatch run --profile kafka --stages ...`).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -pl pipeline -am package

FROM eclipse-temurin:17-jre
# data/ exists in the image, owned by chipwatch: a named volume mounted there starts with that owner
RUN useradd -m chipwatch && mkdir -p /home/chipwatch/data && chown chipwatch:chipwatch /home/chipwatch/data
COPY --from=build /src/pipeline/target/chipwatch.jar /opt/chipwatch/chipwatch.jar
# the Kibana saved objects, for the compose file's one-shot kibana-setup service
COPY config/kibana /opt/chipwatch/config/kibana
USER chipwatch
WORKDIR /home/chipwatch
ENTRYPOINT ["java", "-Xss8m", "-jar", "/opt/chipwatch/chipwatch.jar"]
CMD ["run", "--profile", "kafka"]
