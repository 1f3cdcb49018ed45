using System;
using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Resources;

namespace TopologyDsl.CloudFormation;

/// <summary>A CloudFormation template: one stack's parameters, resources and outputs.</summary>
public sealed class Template
{
    /// <summary>CloudFormation's quota on resources in one template.</summary>
    public const int MaxResources = 500;

    /// <summary>CloudFormation's quota on parameters in one template.</summary>
    public const int MaxParameters = 200;

    /// <summary>CloudFormation's quota on outputs in one template.</summary>
    public const int MaxOutputs = 200;

    /// <summary>The largest template body that <c>aws cloudformation deploy</c> can pass inline.</summary>
    public const int MaxInlineBytes = 51_200;

    /// <summary>The largest template CloudFormation accepts at all (from S3).</summary>
    public const int MaxBytes = 1_000_000;

    private readonly List<Parameter> _parameters = [];
    private readonly List<Resource> _resources = [];
    private readonly List<Output> _outputs = [];
    private readonly List<Note> _notes = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _outputNames = new(StringComparer.Ordinal);

    /// <summary>Creates an empty template for the named stack.</summary>
    public Template(string stackName, string? description = null)
    {
        StackName = stackName;
        Description = description;
    }

    /// <summary>The stack's name, which is also the template's file name.</summary>
    public string StackName { get; }

    /// <summary>The template's Description.</summary>
    public string? Description { get; }

    /// <summary>Parameters, in the order added.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Resources, in the order added.</summary>
    public IReadOnlyList<Resource> Resources => _resources;

    /// <summary>Outputs, in the order added.</summary>
    public IReadOnlyList<Output> Outputs => _outputs;

    /// <summary>
    /// The stack's info findings (TDSL112, TDSL407-409...): suggestions that <c>dotnet build</c> does not
    /// print, so <c>synth</c> does. They are not part of the YAML.
    /// </summary>
    public IReadOnlyList<Note> Notes => _notes;

    /// <summary>
    /// The Markdown that <c>synth</c> writes beside the template (<c>&lt;stack&gt;.md</c>): a Mermaid
    /// picture of the network and the reachability matrix, rendered by the generator. Not part of the YAML.
    /// </summary>
    public string? Overview { get; private set; }

    /// <summary>Sets <see cref="Overview"/> (the generated code does this).</summary>
    public Template SetOverview(string markdown)
    {
        Overview = markdown;
        return this;
    }

    /// <summary>Adds an info finding (the generated code does this for each one the stack has).</summary>
    public Template AddNote(string id, string message)
    {
        _notes.Add(new Note(id, message));
        return this;
    }

    /// <summary>Adds a parameter.</summary>
    public Template Add(Parameter parameter)
    {
        CheckNewName(parameter.Name);
        Check(_parameters.Count < MaxParameters, "TDSL303", $"a template may hold at most {MaxParameters} parameters");
        _parameters.Add(parameter);
        _names.Add(parameter.Name);
        return this;
    }

    /// <summary>Adds a resource.</summary>
    public Template Add(Resource resource)
    {
        CheckNewName(resource.LogicalId);
        Check(_resources.Count < MaxResources, "TDSL302", $"a template may hold at most {MaxResources} resources");
        _resources.Add(resource);
        _names.Add(resource.LogicalId);
        return this;
    }

    /// <summary>Adds an output.</summary>
    public Template Add(Output output)
    {
        LogicalIds.Check(output.Name);
        Check(!_outputNames.Contains(output.Name), "TDSL210", $"the output name '{output.Name}' is used twice");
        Check(_outputs.Count < MaxOutputs, "TDSL304", $"a template may hold at most {MaxOutputs} outputs");
        _outputs.Add(output);
        _outputNames.Add(output.Name);
        return this;
    }

    private void CheckNewName(string name) =>
        Check(!_names.Contains(name), "TDSL210",
            $"the logical ID '{name}' is used twice; parameters and resources share one namespace");

    private static void Check(bool condition, string id, string message)
    {
        if (!condition)
        {
            throw new TopologyException(id, message);
        }
    }
}

/// <summary>An info finding of the stack: the diagnostic ID and its message.</summary>
public sealed record Note(string Id, string Message);

/// <summary>A template parameter.</summary>
public sealed class Parameter
{
    /// <summary>Creates a parameter.</summary>
    public Parameter(string name, string type = "String")
    {
        LogicalIds.Check(name);
        Name = name;
        Type = type;
    }

    /// <summary>The parameter's logical name.</summary>
    public string Name { get; }

    /// <summary>The parameter type, such as <c>String</c> or <c>AWS::EC2::KeyPair::KeyName</c>.</summary>
    public string Type { get; }

    /// <summary>What the value is for.</summary>
    public string? Description { get; init; }

    /// <summary>The value used when none is given.</summary>
    public string? Default { get; init; }

    /// <summary>Whether CloudFormation masks the value in the console, CLI and API.</summary>
    public bool NoEcho { get; init; }

    /// <summary>The only values allowed, if any.</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    /// <summary>A regular expression the value must match.</summary>
    public string? AllowedPattern { get; init; }

    /// <summary>Minimum length of a string value.</summary>
    public int? MinLength { get; init; }

    /// <summary>Maximum length of a string value.</summary>
    public int? MaxLength { get; init; }

    /// <summary>What CloudFormation says when a constraint fails.</summary>
    public string? ConstraintDescription { get; init; }

    internal MapValue ToMap()
    {
        var map = new MapValue().Add("Type", Type).Add("Description", Description).Add("Default", Default);
        if (NoEcho)
        {
            map.Add("NoEcho", true);
        }

        if (AllowedValues.Count > 0)
        {
            map.Add("AllowedValues", new ListValue(AllowedValues.Select(v => (Value)v)));
        }

        return map.Add("AllowedPattern", AllowedPattern)
            .Add("MinLength", MinLength is { } min ? (Value)min : null)
            .Add("MaxLength", MaxLength is { } max ? (Value)max : null)
            .Add("ConstraintDescription", ConstraintDescription);
    }
}

/// <summary>A template output; with <paramref name="Export"/>, also exported under that name for other stacks' <c>!ImportValue</c>.</summary>
public sealed record Output(string Name, Value Value, string? Description = null, string? Export = null)
{
    internal MapValue ToMap() => new MapValue().Add("Description", Description).Add("Value", Value)
        .Add("Export", Export is null ? null : new MapValue().Add("Name", Export));
}
