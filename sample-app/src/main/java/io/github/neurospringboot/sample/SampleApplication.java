package io.github.neurospringboot.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		var ctx = SpringApplication.run(SampleApplication.class, args);
		System.out.println("CONTEXT TYPE " + ctx.getClass());
		ctx.close();
	}

}
