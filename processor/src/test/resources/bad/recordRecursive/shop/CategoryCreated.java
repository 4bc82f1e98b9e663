package shop;

import dev.stele.annotation.Event;
import java.util.List;

@Event(name = "CategoryCreated")
public record CategoryCreated(
        String categoryId,
        Category root) {

    public record Category(
            String name,
            List<Category> children) {
    }
}
