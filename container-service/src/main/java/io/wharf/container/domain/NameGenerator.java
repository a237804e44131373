package io.wharf.container.domain;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/** Docker-style generated names: {@code adjective_surname}, with a digit appended on retries (as moby). */
public final class NameGenerator {
    static final List<String> LEFT = List.of(
            "admiring", "adoring", "affectionate", "agitated", "amazing", "angry", "awesome", "beautiful",
            "blissful", "bold", "boring", "brave", "busy", "charming", "clever", "compassionate", "competent",
            "condescending", "confident", "cool", "cranky", "crazy", "dazzling", "determined", "distracted",
            "dreamy", "eager", "ecstatic", "elastic", "elated", "elegant", "eloquent", "epic", "exciting",
            "fervent", "festive", "flamboyant", "focused", "friendly", "frosty", "funny", "gallant", "gifted",
            "goofy", "gracious", "great", "happy", "hardcore", "heuristic", "hopeful", "hungry", "infallible",
            "inspiring", "intelligent", "interesting", "jolly", "jovial", "keen", "kind", "laughing", "loving",
            "lucid", "magical", "modest", "musing", "mystifying", "naughty", "nervous", "nice", "nifty",
            "nostalgic", "objective", "optimistic", "peaceful", "pedantic", "pensive", "practical", "priceless",
            "quirky", "quizzical", "recursing", "relaxed", "reverent", "romantic", "sad", "serene", "sharp",
            "silly", "sleepy", "stoic", "strange", "stupefied", "suspicious", "sweet", "tender", "thirsty",
            "trusting", "unruffled", "upbeat", "vibrant", "vigilant", "vigorous", "wizardly", "wonderful",
            "xenodochial", "youthful", "zealous", "zen");
    static final List<String> RIGHT = List.of(
            "agnesi", "albattani", "allen", "almeida", "archimedes", "ardinghelli", "aryabhata", "austin",
            "babbage", "banach", "bardeen", "bartik", "bassi", "bell", "bhabha", "blackwell", "bohr", "booth",
            "borg", "bose", "boyd", "brahmagupta", "brattain", "brown", "carson", "cerf", "chandrasekhar",
            "chatelet", "chaum", "clarke", "colden", "cori", "cray", "curie", "darwin", "davinci", "dijkstra",
            "dirac", "driscoll", "dubinsky", "easley", "edison", "einstein", "elbakyan", "elgamal", "elion",
            "engelbart", "euclid", "euler", "faraday", "feistel", "fermat", "fermi", "feynman", "franklin",
            "galileo", "gates", "goldberg", "goldstine", "goldwasser", "goodall", "haibt", "hamilton", "hawking",
            "heisenberg", "hellman", "hermann", "hertz", "hodgkin", "hofstadter", "hoover", "hopper", "hugle",
            "hypatia", "jackson", "jang", "jennings", "jepsen", "johnson", "joliot", "jones", "kalam", "kare",
            "keller", "kepler", "khorana", "kilby", "kirch", "knuth", "kowalevski", "lalande", "lamarr",
            "lamport", "leakey", "leavitt", "lederberg", "lehmann", "lewin", "lichterman", "liskov", "lovelace",
            "lumiere", "mahavira", "margulis", "matsumoto", "maxwell", "mayer", "mccarthy", "mcclintock",
            "mcnulty", "meitner", "mendel", "merkle", "minsky", "mirzakhani", "montalcini", "moore", "morse",
            "moser", "napier", "nash", "neumann", "newton", "nightingale", "nobel", "noether", "northcutt",
            "noyce", "panini", "pare", "pascal", "pasteur", "payne", "perlman", "pike", "poincare", "poitras",
            "proskuriakova", "ptolemy", "raman", "ramanujan", "rhodes", "ride", "ritchie", "robinson",
            "roentgen", "rosalind", "rubin", "saha", "sammet", "sanderson", "satoshi", "shamir", "shannon",
            "shaw", "shirley", "shockley", "shtern", "sinoussi", "snyder", "solomon", "spence", "stonebraker",
            "sutherland", "swanson", "swartz", "swirles", "taussig", "tesla", "tharp", "thompson", "torvalds",
            "tu", "turing", "varahamihira", "vaughan", "villani", "visvesvaraya", "volhard", "wescoff",
            "wilbur", "wiles", "williams", "williamson", "wilson", "wing", "wozniak", "wright", "wu", "yalow",
            "yonath", "zhukovsky");

    private NameGenerator() {
    }

    /** A random name; {@code retry > 0} appends a digit, as moby does after a collision. */
    public static String generate(int retry) {
        return generate(retry, ThreadLocalRandom.current());
    }

    static String generate(int retry, Random random) {
        while (true) {
            String name = LEFT.get(random.nextInt(LEFT.size())) + "_" + RIGHT.get(random.nextInt(RIGHT.size()));
            if (name.equals("boring_wozniak")) {
                continue; // Steve Wozniak is not boring
            }
            return retry > 0 ? name + random.nextInt(10) : name;
        }
    }
}
