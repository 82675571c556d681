using Liveness.Abstractions;
using Liveness.Plugins.OnnxBackend;

namespace Liveness.OnnxBackend.Tests;

public sealed class NonMaxSuppressionTests
{
    private static readonly FaceBox Phone = new(100, 80, 120, 200);

    [Fact]
    public void Keeps_a_phone_and_a_person_in_the_same_place()
    {
        SceneObject person = new(SceneObjectKind.Person, Phone, 0.9f), phone = new(SceneObjectKind.CellPhone, Phone with { X = 104 }, 0.3f);

        var kept = NonMaxSuppression.PerKind([phone, person], overlap: 0.45f);

        Assert.Equal([person, phone], kept);
    }

    [Fact]
    public void Drops_the_weaker_of_two_overlapping_objects_of_one_kind_and_keeps_a_distant_one()
    {
        SceneObject best = new(SceneObjectKind.CellPhone, Phone, 0.7f);
        SceneObject overlapping = new(SceneObjectKind.CellPhone, Phone with { X = 110, Y = 90 }, 0.5f);
        SceneObject distant = new(SceneObjectKind.CellPhone, Phone with { X = 400 }, 0.2f);

        var kept = NonMaxSuppression.PerKind([distant, overlapping, best], overlap: 0.45f);

        Assert.Equal([best, distant], kept);
    }
}
