package shop;

public final class Shipping {

    private Shipping() {
    }

    public record Address(String street, String city) {
    }
}
