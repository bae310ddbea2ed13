package io.github.neurospringboot.test.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Builds strings that a regular expression probably matches, from the simple part of Java's syntax: literals,
 * escaped characters, character classes with ranges and negation, {@code .}, {@code \d \w \s} and their
 * negations, groups (capturing or {@code (?:)}), alternatives, anchors, word boundaries and greedy, lazy or
 * possessive quantifiers. Negations keep to printable ASCII. What it builds is a guess: the caller checks that the
 * pattern matches it.
 */
final class PatternSampler {

	private final Sketch sketch;

	private PatternSampler(Sketch sketch) {
		this.sketch = sketch;
	}

	/**
	 * Read a pattern that {@link Pattern#compile(String)} accepted.
	 * @param regex the pattern
	 * @return its sampler, or {@code null} if it uses more than the simple part, such as a lookaround or a
	 * backreference
	 */
	static @Nullable PatternSampler of(String regex) {
		Sketch sketch = SketchParser.parse(regex);
		return (sketch != null) ? new PatternSampler(sketch) : null;
	}

	/**
	 * Build a string.
	 * @param random the source of choices
	 * @param stretch how many more repetitions than its minimum an unbounded quantifier may make
	 * @return the string, which the pattern probably matches
	 */
	String sample(RandomGenerator random, int stretch) {
		StringBuilder out = new StringBuilder();
		this.sketch.sample(random, out, stretch);
		return out.toString();
	}

	/**
	 * Whether the pattern's top-level sequence begins with {@code ^} or {@code \A}; alternatives at the top level
	 * count as anchored, which is the safe side.
	 * @return {@code true} if a match cannot have characters before it
	 */
	boolean anchoredAtStart() {
		return anchored(Anchor.START);
	}

	/**
	 * Whether the pattern's top-level sequence ends with {@code $}, {@code \z} or {@code \Z}; alternatives at the
	 * top level count as anchored, which is the safe side.
	 * @return {@code true} if a match cannot have characters after it
	 */
	boolean anchoredAtEnd() {
		return anchored(Anchor.END);
	}

	private boolean anchored(Anchor anchor) {
		if (!(this.sketch instanceof Sequence sequence)) {
			return true;
		}
		List<Sketch> parts = sequence.parts();
		return !parts.isEmpty() && parts.get((anchor == Anchor.START) ? 0 : parts.size() - 1) == anchor;
	}

	/**
	 * A part of a pattern, which appends what it matches.
	 */
	private interface Sketch {

		/**
		 * Append a string.
		 * @param random the source of choices
		 * @param out where to append
		 * @param stretch how many more repetitions than its minimum an unbounded quantifier may make
		 */
		void sample(RandomGenerator random, StringBuilder out, int stretch);

	}

	/** A position that a pattern asserts, which takes no characters. */
	private enum Anchor implements Sketch {

		START, END, BOUNDARY;

		@Override
		public void sample(RandomGenerator random, StringBuilder out, int stretch) {
		}

	}

	private record Literal(int codePoint) implements Sketch {

		@Override
		public void sample(RandomGenerator random, StringBuilder out, int stretch) {
			out.appendCodePoint(this.codePoint);
		}

	}

	/** The code points from {@code first} to {@code last}, both included. */
	private record Span(int first, int last) {

		int size() {
			return this.last - this.first + 1;
		}

		boolean contains(int codePoint) {
			return codePoint >= this.first && codePoint <= this.last;
		}

	}

	/** One character of a class, such as {@code [a-z_]}, {@code \d} or {@code .}. */
	private record OneOf(List<Span> spans) implements Sketch {

		@Override
		public void sample(RandomGenerator random, StringBuilder out, int stretch) {
			int index = random.nextInt(this.spans.stream().mapToInt(Span::size).sum());
			for (Span span : this.spans) {
				if (index < span.size()) {
					out.appendCodePoint(span.first() + index);
					return;
				}
				index -= span.size();
			}
		}

	}

	private record Sequence(List<Sketch> parts) implements Sketch {

		@Override
		public void sample(RandomGenerator random, StringBuilder out, int stretch) {
			this.parts.forEach((part) -> part.sample(random, out, stretch));
		}

	}

	private record Alternatives(List<Sketch> options) implements Sketch {

		@Override
		public void sample(RandomGenerator random, StringBuilder out, int stretch) {
			this.options.get(random.nextInt(this.options.size())).sample(random, out, stretch);
		}

	}

	/** A quantified part; {@code max} is {@link #UNBOUNDED} for {@code *}, {@code +} and {@code {n,}}. */
	private record Repeat(Sketch part, int min, int max) implements Sketch {

		static final int UNBOUNDED = -1;

		@Override
		public void sample(RandomGenerator random, StringBuilder out, int stretch) {
			int times = this.min + random.nextInt(((this.max != UNBOUNDED) ? this.max - this.min : stretch) + 1);
			for (int i = 0; i < times; i++) {
				this.part.sample(random, out, stretch);
			}
		}

	}

	/**
	 * Reads a pattern into a {@link Sketch}, or finds that it uses more than the simple part.
	 */
	private static final class SketchParser {

		private static final List<Span> PRINTABLE = List.of(new Span(' ', '~'));

		private static final List<Span> DIGITS = List.of(new Span('0', '9'));

		private static final List<Span> WORD = List.of(new Span('a', 'z'), new Span('A', 'Z'), new Span('0', '9'),
				new Span('_', '_'));

		private static final List<Span> SPACE = List.of(new Span(' ', ' '));

		private final String regex;

		private int position;

		private SketchParser(String regex) {
			this.regex = regex;
		}

		/**
		 * Read a pattern that {@link Pattern#compile(String)} accepted.
		 * @param regex the pattern
		 * @return its sketch, or {@code null} if it uses anything else, such as a lookaround or a backreference
		 */
		static @Nullable Sketch parse(String regex) {
			SketchParser parser = new SketchParser(regex);
			try {
				Sketch sketch = parser.alternatives();
				return (parser.position == regex.length()) ? sketch : null;
			}
			catch (IllegalArgumentException ex) {
				// Also a NumberFormatException, for a count too large for an int
				return null;
			}
		}

		private Sketch alternatives() {
			List<Sketch> options = new ArrayList<>(List.of(sequence()));
			while (accept('|')) {
				options.add(sequence());
			}
			return (options.size() == 1) ? options.get(0) : new Alternatives(List.copyOf(options));
		}

		private Sketch sequence() {
			List<Sketch> parts = new ArrayList<>();
			while (this.position < this.regex.length() && peek() != '|' && peek() != ')') {
				parts.add(quantified(atom()));
			}
			return new Sequence(List.copyOf(parts));
		}

		private Sketch atom() {
			int c = next();
			switch (c) {
				case '(' -> {
					if (accept('?') && !accept(':')) {
						throw unreadable();
					}
					Sketch group = alternatives();
					expect(')');
					return group;
				}
				case '[' -> {
					return new OneOf(characterClass());
				}
				case '.' -> {
					return new OneOf(PRINTABLE);
				}
				case '^' -> {
					return Anchor.START;
				}
				case '$' -> {
					return Anchor.END;
				}
				case '\\' -> {
					int escaped = next();
					List<Span> shorthand = shorthand(escaped);
					if (shorthand != null) {
						return new OneOf(shorthand);
					}
					return switch (escaped) {
						case 'A' -> Anchor.START;
						case 'z', 'Z' -> Anchor.END;
						case 'b', 'B' -> Anchor.BOUNDARY;
						default -> new Literal(literal(escaped));
					};
				}
				default -> {
					return new Literal(c);
				}
			}
		}

		private Sketch quantified(Sketch atom) {
			int min;
			int max;
			if (accept('?')) {
				min = 0;
				max = 1;
			}
			else if (accept('*')) {
				min = 0;
				max = Repeat.UNBOUNDED;
			}
			else if (accept('+')) {
				min = 1;
				max = Repeat.UNBOUNDED;
			}
			else if (accept('{')) {
				min = number();
				max = !accept(',') ? min : (peek() == '}') ? Repeat.UNBOUNDED : number();
				expect('}');
			}
			else {
				return atom;
			}
			// Lazy and possessive quantifiers repeat as often; only how they match differs
			if (!accept('?')) {
				accept('+');
			}
			return new Repeat(atom, min, max);
		}

		private List<Span> characterClass() {
			boolean negated = accept('^');
			List<Span> spans = new ArrayList<>();
			do {
				int first = next();
				if (first == '[' || (first == '&' && peek() == '&')) {
					// Unions and intersections of classes
					throw unreadable();
				}
				if (first == '\\') {
					int escaped = next();
					List<Span> shorthand = shorthand(escaped);
					if (shorthand != null) {
						spans.addAll(shorthand);
						continue;
					}
					first = literal(escaped);
				}
				int last = first;
				if (peek() == '-' && this.position + 1 < this.regex.length()
						&& this.regex.charAt(this.position + 1) != ']') {
					this.position++;
					last = next();
					if (last == '\\') {
						last = literal(next());
					}
				}
				spans.add(new Span(first, last));
			}
			while (!accept(']'));
			return negated ? printableExcept(spans) : List.copyOf(spans);
		}

		private static @Nullable List<Span> shorthand(int letter) {
			return switch (letter) {
				case 'd' -> DIGITS;
				case 'w' -> WORD;
				case 's' -> SPACE;
				case 'D' -> printableExcept(DIGITS);
				case 'W' -> printableExcept(WORD);
				case 'S' -> printableExcept(SPACE);
				default -> null;
			};
		}

		private static List<Span> printableExcept(List<Span> excluded) {
			List<Span> spans = new ArrayList<>();
			for (int c = ' '; c <= '~'; c++) {
				int codePoint = c;
				if (excluded.stream().noneMatch((span) -> span.contains(codePoint))) {
					spans.add(new Span(c, c));
				}
			}
			if (spans.isEmpty()) {
				throw unreadable();
			}
			return List.copyOf(spans);
		}

		/** The character an escape stands for, such as {@code \.} or {@code \t}. */
		private static int literal(int escaped) {
			return switch (escaped) {
				case 't' -> '\t';
				case 'n' -> '\n';
				case 'r' -> '\r';
				case 'f' -> '\f';
				default -> {
					// Other letters and digits are properties, references, quotes or code points
					if (Character.isLetterOrDigit(escaped)) {
						throw unreadable();
					}
					yield escaped;
				}
			};
		}

		private int number() {
			int start = this.position;
			while (this.position < this.regex.length() && Character.isDigit(this.regex.charAt(this.position))) {
				this.position++;
			}
			return Integer.parseInt(this.regex.substring(start, this.position));
		}

		private int peek() {
			return (this.position < this.regex.length()) ? this.regex.codePointAt(this.position) : -1;
		}

		private int next() {
			int c = peek();
			if (c == -1) {
				throw unreadable();
			}
			this.position += Character.charCount(c);
			return c;
		}

		private boolean accept(int c) {
			if (peek() != c) {
				return false;
			}
			this.position += Character.charCount(c);
			return true;
		}

		private void expect(int c) {
			if (!accept(c)) {
				throw unreadable();
			}
		}

		private static IllegalArgumentException unreadable() {
			return new IllegalArgumentException("Not a simple pattern");
		}

	}

}
