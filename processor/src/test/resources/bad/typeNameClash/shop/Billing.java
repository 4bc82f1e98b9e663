package shop;

public final class Billing {

    private Billing() {
    }

    public record Address(String name, String vatNumber) {
    }
}
